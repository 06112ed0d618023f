/**
 * What the tests expect of the seeds, read from the seed files themselves (not from the build),
 * then joined to the build's cards by title to learn the slugs the plugin chose.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { ArticleCard } from '../../../src/contract/article';
import { ROOT, cardByTitle, readAllCards } from './helpers';

export interface SeedFacts {
  file: string;
  title: string;
  heat: number;
  quality?: number;
  publishedAt?: string;
  published: boolean;
  topics: string[];
  providerName?: string;
  url?: string;
  ampUrl?: string;
  relatedTitles: string[];
}

function iso(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && value) return new Date(value).toISOString();
  return undefined;
}

/** The seeds' front-matter fields the tests read, as gray-matter gives them. */
interface SeedFrontMatter {
  title?: unknown;
  heat?: unknown;
  quality?: unknown;
  publishedDateTime?: unknown;
  published?: unknown;
  topics?: unknown;
  provider?: { name?: string };
  webUrl?: string;
  originalUrl?: string;
  ampWebUrl?: string;
  related?: { title?: unknown }[];
}

/** Front-matter seeds (000, 001, 002) with their facts. */
export function frontMatterSeeds(): SeedFacts[] {
  const dir = join(ROOT, 'seeds');
  return readdirSync(dir)
    .filter((f) => readFileSync(join(dir, f), 'utf8').startsWith('---'))
    .sort()
    .map((file) => {
      const data = matter(readFileSync(join(dir, file), 'utf8')).data as SeedFrontMatter;
      return {
        file,
        title: String(data.title),
        heat: typeof data.heat === 'number' ? data.heat : -1,
        quality: typeof data.quality === 'number' ? data.quality : undefined,
        publishedAt: iso(data.publishedDateTime),
        published: data.published !== false,
        topics: Array.isArray(data.topics) ? data.topics.map(String) : [],
        providerName: data.provider?.name,
        url: data.webUrl ?? data.originalUrl,
        ampUrl: data.ampWebUrl,
        relatedTitles: Array.isArray(data.related) ? data.related.map((r) => String(r.title)) : [],
      };
    });
}

export const TITLE_000 = 'The Microsoft Police State: Mass Surveillance, Facial Recognition, and the Azure Cloud';
export const TITLE_001 = 'Microsoft won’t sell facial recognition technology to police';
export const TITLE_002 = 'Now Microsoft is banning police from using its facial recognition tech, too';
/** 004 is plain text: its title is its first line. 003 is 001's body, not an article. */
export const TITLE_004 = readFileSync(join(ROOT, 'seeds', '004_01f274f29409431b.txt'), 'utf8')
  .split(/\r?\n/)[0]!
  .trim();

export interface SeedCards {
  all: ArticleCard[];
  c000: ArticleCard;
  c001: ArticleCard;
  c002: ArticleCard;
  c004: ArticleCard;
  /**
   * Cards rebuilt from the seed files (front matter; 004 has nothing to rank by), carrying the
   * build's slugs: sorting these with compareCards gives the expected orders.
   */
  fromSeeds: ArticleCard[];
}

export function seedCards(): SeedCards {
  const all = readAllCards('seeds');
  const c000 = cardByTitle(all, TITLE_000);
  const c001 = cardByTitle(all, TITLE_001);
  const c002 = cardByTitle(all, TITLE_002);
  const c004 = cardByTitle(all, TITLE_004);
  const fromSeeds: ArticleCard[] = frontMatterSeeds().map((s) => {
    const built = cardByTitle(all, s.title);
    return {
      ...built,
      heat: s.heat,
      quality: s.quality,
      publishedAt: s.publishedAt,
      published: s.published,
      topics: s.topics,
    };
  });
  // Plain text: no heat (unranked), no quality, no date; published like any Jekyll post.
  fromSeeds.push({ ...c004, heat: -1, quality: undefined, publishedAt: undefined, published: true, topics: [] });
  return { all, c000, c001, c002, c004, fromSeeds };
}
