/**
 * Maps a field path to the line where it is written, so warnings point into the file. Only the
 * shapes Smartable files use are located: top-level keys and items of top-level lists
 * (`related[3]`, `images[0].url`); anything else falls back to its top-level key's line.
 */
export class FieldLines {
  private readonly keys = new Map<string, number>();
  private readonly items = new Map<string, number[]>();

  /** `lines` are the front matter's lines; `firstLine` is the 1-based line of the first one. */
  constructor(lines: readonly string[], firstLine: number) {
    let current: string | undefined;
    let itemIndent: number | undefined;
    lines.forEach((line, index) => {
      const lineNo = firstLine + index;
      const key = /^([A-Za-z_$][\w$-]*)\s*:/.exec(line);
      if (key) {
        current = key[1]!;
        itemIndent = undefined;
        if (!this.keys.has(current)) this.keys.set(current, lineNo);
        return;
      }
      const item = /^(\s*)-(\s|$)/.exec(line);
      if (item && current) {
        const indent = item[1]!.length;
        itemIndent ??= indent;
        if (indent === itemIndent) {
          const list = this.items.get(current) ?? [];
          list.push(lineNo);
          this.items.set(current, list);
        }
      }
    });
  }

  lineOf(field: string): number | undefined {
    const match = /^([^.[]+)(?:\[(\d+)\])?/.exec(field);
    if (!match) return undefined;
    const [, key, index] = match;
    if (index !== undefined) {
      const line = this.items.get(key!)?.[Number(index)];
      if (line !== undefined) return line;
    }
    return this.keys.get(key!);
  }
}
