/**
 * Build order must not depend on the machine's locale (`localeCompare` sorts differently under
 * other ICU data or LANG settings): strings compare by UTF-16 code units, as the contract does.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
