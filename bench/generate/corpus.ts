/**
 * Deterministic synthetic corpus generator in the Smartable format (see ../shared/FORMAT.md).
 *
 * For benchmarks and tests only. The same (size, seed) always produces byte-identical files:
 * every article is derived from its own PRNG stream seeded by (seed, index), so any article's
 * head (title, date, URL, provider) can be recomputed from its index alone. That lets related
 * lists point at other corpus articles without holding the corpus in memory, and files are
 * written in small batches (streaming): memory stays flat whatever the size.
 *
 * Layout: `<outDir>/_news/YYYY/MM/<nnnnnn>-<slug>.md` (front matter) and
 *         `<outDir>/_news/YYYY/MM/<nnnnnn>-<slug>.txt` (plain text, ~2%, no front matter).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bare, bool, entry, list, map, nil, num, str, time, type FrontMatterFile, type YamlEntry, type YamlList } from './front-matter.ts';
import { Rng, mix } from './rng.ts';
import { writePlain } from './write-plain.ts';
import { writeVaried } from './write-varied.ts';

export { mulberry32 } from './rng.ts';

/**
 * How the files are written. `plain`: one template, every string double-quoted (the form the
 * plugin's YAML fast path was built for). `varied`: the same data written the ways hand edits
 * and other tools write it (see write-varied.ts).
 */
export type CorpusStyle = 'plain' | 'varied';
export const CORPUS_STYLES: readonly CorpusStyle[] = ['plain', 'varied'];

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const YT_ID = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

// ---------------------------------------------------------------------------------------------
// Vocabulary

interface Provider {
  name: string;
  domain: string;
}

const PROVIDERS: readonly Provider[] = [
  ['Microsoft', 'microsoft.com'],
  ['TechCrunch', 'techcrunch.com'],
  ['The Verge', 'theverge.com'],
  ['Reuters', 'reuters.com'],
  ['Forbes', 'forbes.com'],
  ['CNET', 'cnet.com'],
  ['Mashable', 'mashable.com'],
  ['Digital Trends', 'digitaltrends.com'],
  ['ZDNet', 'zdnet.com'],
  ['VentureBeat', 'venturebeat.com'],
  ['Wired', 'wired.com'],
  ['Engadget', 'engadget.com'],
  ['Ars Technica', 'arstechnica.com'],
  ['The New York Times', 'nytimes.com'],
  ['The Washington Post', 'washingtonpost.com'],
  ['BBC News', 'bbc.co.uk'],
  ['The Guardian', 'theguardian.com'],
  ['Bloomberg', 'bloomberg.com'],
  ['CNBC', 'cnbc.com'],
  ['Business Insider', 'businessinsider.com'],
  ['InfoWorld', 'infoworld.com'],
  ['Computerworld', 'computerworld.com'],
  ['TechRepublic', 'techrepublic.com'],
  ['Geekwire', 'geekwire.com'],
  ['MIT Technology Review', 'technologyreview.com'],
  ['Fast Company', 'fastcompany.com'],
  ['The Register', 'theregister.com'],
  ['SiliconANGLE', 'siliconangle.com'],
  ['InfoQ', 'infoq.com'],
  ['Redmond Magazine', 'redmondmag.com'],
  ['Petri', 'petri.com'],
  ['Neowin', 'neowin.net'],
  ['Windows Central', 'windowscentral.com'],
  ['MSPoweruser', 'mspoweruser.com'],
  ['Thurrott', 'thurrott.com'],
  ['Medium', 'medium.com'],
  ['DEV Community', 'dev.to'],
  ['YouTube', 'youtube.com'],
  ['Towards Data Science', 'towardsdatascience.com'],
  ['Analytics India Magazine', 'analyticsindiamag.com'],
  ['KDnuggets', 'kdnuggets.com'],
  ['Datanami', 'datanami.com'],
  ['eWeek', 'eweek.com'],
  ['CIO', 'cio.com'],
  ['Network World', 'networkworld.com'],
  ['The Next Web', 'thenextweb.com'],
  ['Axios', 'axios.com'],
  ['Quartz', 'qz.com'],
  ['Protocol', 'protocol.com'],
  ['PCMag', 'pcmag.com'],
  ['Tom\u2019s Hardware', 'tomshardware.com'],
  ['AnandTech', 'anandtech.com'],
  ['Gizmodo', 'gizmodo.com'],
  ['Slashdot', 'slashdot.org'],
  ['Hacker Noon', 'hackernoon.com'],
  ['Stack Overflow Blog', 'stackoverflow.blog'],
  ['Power Apps Blog', 'powerapps.microsoft.com'],
  ['Dynamics 365 Blog', 'cloudblogs.microsoft.com'],
  ['Nature', 'nature.com'],
  ['Scientific American', 'scientificamerican.com'],
].map(([name, domain]) => ({ name: name!, domain: domain! }));

const TOPICS: readonly string[] = [
  'AI',
  'Machine Learning',
  'Deep Learning',
  'Computer Vision',
  'Natural Language Processing',
  'Robotics',
  'Power Apps',
  'Power Automate',
  'Power BI',
  'Power Virtual Agents',
  'Common Data Service',
  'AI Builder',
  'Power Apps Portals',
  'Canvas Apps',
  'Model-driven Apps',
  'Dynamics 365',
  'Azure',
  'Microsoft Teams',
  'SharePoint',
  'Office 365',
  'Low Code',
  'Cloud Computing',
  'Cybersecurity',
  'Privacy',
  'Facial Recognition',
  'Autonomous Vehicles',
  'Healthcare',
  'Fintech',
  'Ethics',
  'Regulation',
  'Startups',
  'Open Source',
  'Data Science',
  'Big Data',
  'Edge Computing',
  'Internet of Things',
  'Quantum Computing',
  'Chatbots',
  'Speech Recognition',
  'Reinforcement Learning',
];

const COMPANIES = [
  'Microsoft',
  'Google',
  'Amazon',
  'IBM',
  'Apple',
  'Facebook',
  'Nvidia',
  'Intel',
  'OpenAI',
  'DeepMind',
  'Salesforce',
  'Oracle',
  'SAP',
  'Baidu',
  'Alibaba',
  'Tesla',
  'Uber',
  'Samsung',
  'Adobe',
  'Zoom',
];
const VERBS = [
  'launches',
  'unveils',
  'announces',
  'expands',
  'rolls out',
  'previews',
  'acquires',
  'invests in',
  'bans',
  'open-sources',
  'tests',
  'retires',
  'improves',
  'delays',
  'ships',
  'rethinks',
  'doubles down on',
];
const ADJECTIVES = [
  'new',
  'faster',
  'smarter',
  'cheaper',
  'experimental',
  'enterprise',
  'open',
  'secure',
  'responsible',
  'real-time',
  'low-code',
  'generative',
  'federated',
  'explainable',
  'hybrid',
  'edge',
  'serverless',
];
const NOUNS = [
  'platform',
  'model',
  'framework',
  'assistant',
  'chip',
  'toolkit',
  'service',
  'connector',
  'portal',
  'dashboard',
  'pipeline',
  'dataset',
  'API',
  'runtime',
  'agent',
  'workflow',
  'data center',
  'app',
  'language model',
  'recognition system',
  'developer preview',
  'release wave',
  'community call',
];
const AUDIENCES = [
  'developers',
  'police',
  'hospitals',
  'banks',
  'small businesses',
  'schools',
  'makers',
  'enterprises',
  'governments',
  'researchers',
  'retailers',
  'citizen developers',
  'startups',
  'admins',
];
const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an ' +
  'they you were her she there been one all we their has would when if so no will more can out up who them ' +
  'some about into than only other its also time could these two may first then do any like my now over such ' +
  'our man me even most made after well through where much before right too means old any same tell boy ' +
  'data model learning customers users company research system technology software cloud business service ' +
  'platform security privacy release features capabilities preview update performance developers apps ' +
  'government policy market growth training network automation analytics enterprise customers experience'
).split(' ');
const SECTIONS = ['news', 'article', 'blog', 'story', 'tech', 'business', 'en-us/blog', 'sites/contributor'];
const DEBRIS = [
  'Skip to main content',
  'Recommended Videos',
  'Please enable Javascript to view this content',
  'Advertisement',
  'Subscribe to our newsletter',
  'Share this article',
  'Sign up',
  'Log in',
  'Cookie settings',
  'Accept all cookies',
  'Related Stories',
  'Trending Now',
  'Menu',
  'Search',
];
const CAPTIONS = ['Getty Images', 'Reuters', 'AP Photo', 'Shutterstock', 'iStock', 'Bloomberg via Getty Images'];
const FIRST = ['Alex', 'Maria', 'Sam', 'Priya', 'Chen', 'Jordan', 'Fatima', 'Luca', 'Aiko', 'Omar', 'Emma'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Kumar', 'Okafor', 'Rossi', 'Tanaka', 'Haddad', 'Brown', 'Novak'];

// ---------------------------------------------------------------------------------------------
// Article heads: recomputable from (seed, index) alone

const START = Date.UTC(2019, 0, 1);
const SPAN_MINUTES = (Date.UTC(2021, 11, 31) - START) / 60_000;

interface Head {
  index: number;
  plain: boolean;
  date: Date;
  /** YAML timestamp text: `Z` usually, sometimes an offset like `-07:00`. */
  dateText: string;
  title: string;
  slug: string;
  provider: Provider;
  providerIndex: number;
  video: boolean;
  videoId: string;
  webUrl: string | undefined;
  originalUrl: string | undefined;
}

function slugify(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function timestamp(rng: Rng, date: Date): string {
  const base = date.toISOString().slice(0, 19);
  if (rng.chance(0.1)) {
    // Same instant, written with an offset (as the site's JSON API did).
    const offsetH = rng.pick([-8, -7, -5, -4, 1, 2, 5.5, 9]);
    const local = new Date(date.getTime() + offsetH * 3_600_000).toISOString().slice(0, 19);
    const sign = offsetH < 0 ? '-' : '+';
    const abs = Math.abs(offsetH);
    return `${local}${sign}${pad(Math.floor(abs))}:${pad((abs % 1) * 60)}`;
  }
  return `${base}Z`;
}

function makeTitle(rng: Rng): string {
  const company = rng.pick(COMPANIES);
  let t: string;
  switch (rng.int(0, 5)) {
    case 0:
      t = `${company} ${rng.pick(VERBS)} ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} for ${rng.pick(AUDIENCES)}`;
      break;
    case 1:
      t = `${company} won\u2019t sell ${rng.pick(NOUNS)} technology to ${rng.pick(AUDIENCES)}`;
      break;
    case 2:
      t = `${rng.pick(TOPICS)}: ${company} ${rng.pick(VERBS)} its ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
      break;
    case 3:
      t = `Microsoft Power Apps | ${rng.int(2019, 2021)} release wave ${rng.int(1, 2)} overview`;
      break;
    case 4:
      t = `How ${rng.pick(AUDIENCES)} use ${company}\u2019s ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} \u2014 and why it matters`;
      break;
    default:
      t = `\u201c${capitalize(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)}\u201d: ${company}\u2122 ${rng.pick(VERBS)} ${rng.pick(NOUNS)}`;
  }
  return capitalize(t);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const headCache = new Map<string, Head>();

/** The part of article `index` that other articles may refer to. Pure function of (seed, index). */
function articleHead(seed: number, index: number): Head {
  const key = `${seed}:${index}`;
  const cached = headCache.get(key);
  if (cached) return cached;
  const rng = new Rng(mix(seed, index, 1));
  const plain = rng.chance(0.02);
  const minutes = rng.int(0, SPAN_MINUTES);
  const seconds = rng.chance(0.2) ? rng.int(0, 59) : 0;
  const date = new Date(START + minutes * 60_000 + seconds * 1000);
  const dateText = timestamp(rng, date);
  const title = makeTitle(rng);
  const slug = slugify(title) || 'story';
  const providerIndex = PROVIDERS.indexOf(rng.pickSkewed(PROVIDERS));
  const provider = PROVIDERS[providerIndex]!;
  const video = rng.chance(0.12);
  const videoId = rng.token(11, YT_ID);
  const id = (index * 2654435761 + seed).toString(36).slice(-8);
  const y = date.getUTCFullYear();
  const m = pad(date.getUTCMonth() + 1);
  const section = rng.pick(SECTIONS);
  let articleUrl = `https://www.${provider.domain}/${section}/${y}/${m}/${slug}-${id}/`;
  if (rng.chance(0.005)) articleUrl += '?amp&amp&amp&amp';
  let webUrl: string | undefined;
  let originalUrl: string | undefined;
  if (video) {
    originalUrl = `https://youtube.com/watch?v=${videoId}`;
    webUrl = rng.chance(0.5) ? undefined : `https://www.${provider.domain}/videos/${slug}-${id}`;
  } else {
    const r = rng.next();
    if (r < 0.06) {
      originalUrl = articleUrl; // only originalUrl
    } else if (r < 0.1) {
      webUrl = articleUrl; // only webUrl
    } else {
      originalUrl = articleUrl;
      webUrl = articleUrl;
    }
  }
  const head: Head = {
    index,
    plain,
    date,
    dateText,
    title,
    slug,
    provider,
    providerIndex,
    video,
    videoId,
    webUrl,
    originalUrl,
  };
  if (headCache.size > 50_000) headCache.clear();
  headCache.set(key, head);
  return head;
}

// ---------------------------------------------------------------------------------------------
// Text pieces

function sentence(rng: Rng, min = 8, max = 22): string {
  const n = rng.int(min, max);
  const words: string[] = [];
  for (let k = 0; k < n; k++) {
    const r = rng.next();
    words.push(r < 0.08 ? rng.pick(COMPANIES) : r < 0.12 ? rng.pick(TOPICS) : rng.pick(WORDS));
  }
  let s = capitalize(words.join(' '));
  if (rng.chance(0.1)) s = s.replace(/ (\w+) /, ' \u201c$1\u201d ');
  return s + rng.pick(['.', '.', '.', '.', '?', '!']);
}

function paragraph(rng: Rng, sentences: number): string {
  const out: string[] = [];
  for (let k = 0; k < sentences; k++) out.push(sentence(rng));
  return out.join(' ');
}

function makeExcerpt(rng: Rng): string {
  const r = rng.next();
  if (r < 0.08) {
    // Bulleted excerpt with runs of spaces, like the Power Apps videos.
    const bullets = Array.from({ length: rng.int(2, 5) }, () => `\u2022 ${capitalize(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)}`);
    return `${sentence(rng)}     Here are the capabilities covered:  ${bullets.join('  ')}`;
  }
  if (r < 0.14) return `${sentence(rng)}\r\n\r\n${sentence(rng)}`;
  const text = paragraph(rng, rng.int(1, 3));
  return text.length > 300 ? text.slice(0, 300).replace(/\s+\S*$/, '') : text;
}

function imageList(rng: Rng, head: Head | undefined, count: number): YamlList {
  const items = [];
  for (let k = 0; k < count; k++) {
    const w = rng.pick([640, 756, 800, 817, 1024, 1199, 1200, 1280, 1600, 1920]);
    const h = rng.pick([360, 450, 545, 567, 630, 720, 784, 900, 1080, 1600]);
    const url =
      head?.video && k === 0
        ? `https://i.ytimg.com/vi/${head.videoId}/maxresdefault.jpg`
        : `https://images.${rng.pick(PROVIDERS).domain}/${rng.int(2019, 2021)}/${pad(rng.int(1, 12))}/${rng.token(rng.int(12, 40), ALNUM.toLowerCase() + ALNUM)}.${rng.pick(['jpg', 'jpg', 'png', 'webp'])}`;
    const entries = [entry('url', str(url)), entry('width', num(w)), entry('height', num(h)), entry('isCached', bool(true))];
    if (rng.chance(0.01)) entries.push(entry('title', str(sentence(rng, 3, 6))));
    items.push(map(entries));
  }
  return list(items);
}

function ampPair(url: string): [string, string] {
  const u = new URL(url);
  const amp = url.endsWith('/') ? `${url}amp/` : `${url}?amp`;
  const cdn = `https://${u.hostname.replace(/-/g, '--').replace(/\./g, '-')}.cdn.ampproject.org/c/s/${amp.replace(/^https:\/\//, '')}`;
  return [amp, cdn];
}

function qualityValue(rng: Rng): string {
  if (rng.chance(0.1)) return (rng.int(10, 100) / 10).toFixed(1); // a float, e.g. 7.5
  return String(rng.int(17, 189));
}

function relatedList(rng: Rng, seed: number, size: number, self: Head, count: number): YamlList {
  const items = [];
  let lastAmp: [string, string] | undefined;
  for (let k = 0; k < count; k++) {
    let title: string;
    let webUrl: string;
    let provider: Provider;
    let dateText: string;
    let video = rng.chance(0.05);
    let head: Head | undefined;
    // About a quarter point at another article of the corpus (an in-corpus link).
    if (size > 1 && rng.chance(0.25)) {
      const j = (self.index + rng.int(1, Math.min(size - 1, 2000)) * (rng.chance(0.5) ? 1 : -1) + size * 4) % size;
      const other = articleHead(seed, j);
      if (j !== self.index && !other.plain && other.webUrl) head = other;
    }
    if (head) {
      title = head.title;
      webUrl = head.webUrl!;
      provider = head.provider;
      dateText = head.dateText;
      video = head.video;
    } else {
      title = makeTitle(rng);
      provider = rng.pickSkewed(PROVIDERS);
      const d = new Date(self.date.getTime() + rng.int(-72, 72) * 3_600_000 + rng.int(0, 59) * 60_000);
      dateText = `${d.toISOString().slice(0, 19)}Z`;
      webUrl = `https://www.${provider.domain}/${rng.pick(SECTIONS)}/${slugify(title)}-${rng.token(6, ALNUM)}/`;
    }
    const entries: YamlEntry[] = [
      entry('title', str(title)),
      entry('excerpt', str(makeExcerpt(rng))),
      entry('publishedDateTime', time(dateText)),
      entry('webUrl', str(webUrl)),
    ];
    if (rng.chance(0.7)) {
      // Occasionally two related items share one AMP URL (seen in real data).
      const pair = lastAmp && rng.chance(0.03) ? lastAmp : ampPair(webUrl);
      lastAmp = pair;
      entries.push(entry('ampWebUrl', str(pair[0])), entry('cdnAmpWebUrl', str(pair[1])));
    }
    entries.push(
      entry('type', bare(video ? 'video' : 'article')),
      entry('provider', map([entry('name', str(provider.name)), entry('domain', bare(provider.domain))])),
      entry('quality', num(qualityValue(rng))),
    );
    if (rng.chance(0.97)) entries.push(entry('images', imageList(rng, undefined, 1)));
    items.push(map(entries));
  }
  return list(items);
}

function secured(rng: Rng): string {
  const n = rng.int(110, 200) * 4; // 440-800 base64 chars, like the real blobs
  return rng.token(n - 2, B64) + rng.pick(['==', 'A=', 'Qw']);
}

function markdownBody(rng: Rng): string {
  const parts: string[] = [];
  const n = rng.int(1, 5);
  for (let k = 0; k < n; k++) {
    const r = rng.next();
    if (r < 0.15) parts.push(`## ${capitalize(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)}`);
    else if (r < 0.25) parts.push(Array.from({ length: rng.int(2, 4) }, () => `- ${sentence(rng, 4, 9)}`).join('\n'));
    else if (r < 0.3) parts.push(`> ${sentence(rng)}`);
    else if (r < 0.38) parts.push(`Read more on [${rng.pick(PROVIDERS).name}](https://www.${rng.pick(PROVIDERS).domain}/${rng.token(8, ALNUM)}).`);
    else parts.push(paragraph(rng, rng.int(2, 5)));
  }
  return parts.join('\n\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Whole files

function frontMatterArticle(seed: number, size: number, head: Head): FrontMatterFile {
  const rng = new Rng(mix(seed, head.index, 2));
  const e: YamlEntry[] = [entry('category', bare('news')), entry('title', str(head.title)), entry('excerpt', str(makeExcerpt(rng)))];
  e.push(entry('publishedDateTime', time(head.dateText)));
  const u = rng.next();
  if (u < 0.03) e.push(entry('updatedDateTime', nil()));
  else if (u < 0.2) {
    const upd = new Date(head.date.getTime() + rng.int(1, 14 * 24 * 60) * 60_000);
    e.push(entry('updatedDateTime', time(`${upd.toISOString().slice(0, 19)}Z`)));
  }
  if (head.originalUrl) e.push(entry('originalUrl', str(head.originalUrl)));
  if (head.webUrl) e.push(entry('webUrl', str(head.webUrl)));
  if (head.webUrl && !head.video && rng.chance(0.08)) {
    const [amp, cdn] = ampPair(head.webUrl);
    e.push(entry('ampWebUrl', str(amp)), entry('cdnAmpWebUrl', str(cdn)));
  }
  e.push(entry('type', bare(head.video ? 'video' : 'article')));
  const quality = qualityValue(rng);
  e.push(entry('quality', num(quality)));
  e.push(entry('heat', num(rng.chance(0.15) ? -1 : rng.chance(0.5) ? quality.split('.')[0]! : rng.int(0, 100))));
  e.push(entry('published', bool(!rng.chance(0.05))));
  if (head.video) {
    const iframe = `<iframe width="800" height="500" frameborder="0" src="https://www.youtube.com/embed/${head.videoId}" allow="accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe>`;
    e.push(entry('featuredContent', str(iframe), true));
  }
  const provider: YamlEntry[] = [entry('name', str(head.provider.name)), entry('domain', bare(head.provider.domain))];
  if (rng.chance(0.87)) {
    const logo = `https://smartableai.github.io/news/assets/images/organizations/${head.provider.domain}-50x50.jpg`;
    provider.push(entry('images', list([map([entry('url', str(logo)), entry('width', num(50)), entry('height', num(50))])])));
  }
  e.push(entry('provider', map(provider), true));
  e.push(entry('topics', list(rng.sample(TOPICS, rng.pick([1, 1, 2, 2, 2, 3])).map(bare)), true));
  const imageCount = rng.chance(0.05) ? 0 : rng.chance(0.9) ? 1 : 2;
  if (imageCount > 0) e.push(entry('images', imageList(rng, head, imageCount), true));
  // Related lists: half the stories have none, the others 1-40 (seed 001 has 32).
  const relatedCount = rng.chance(0.5) ? 0 : rng.int(1, 40);
  if (relatedCount > 0) e.push(entry('related', relatedList(rng, seed, size, head, relatedCount), true));
  e.push(entry('secured', str(secured(rng)), true));
  return { data: map(e), body: rng.chance(0.15) ? markdownBody(rng) : '' };
}

function plainTextArticle(seed: number, size: number, head: Head): string {
  const rng = new Rng(mix(seed, head.index, 3));
  let title = head.title;
  // Some plain-text pages are the scraped page of a front-matter article: same title.
  if (size > 1 && rng.chance(0.4)) {
    for (let tries = 0; tries < 8; tries++) {
      const other = articleHead(seed, rng.int(0, size - 1));
      if (!other.plain) {
        title = other.title;
        break;
      }
    }
  }
  const lines: string[] = [];
  if (rng.chance(0.8)) lines.push('Skip to main content', '');
  if (rng.chance(0.3)) lines.push(rng.pick(DEBRIS), rng.pick(DEBRIS), '');
  lines.push(title, '');
  const n = rng.int(4, 14);
  for (let k = 0; k < n; k++) {
    const r = rng.next();
    if (r < 0.12) lines.push(rng.pick(DEBRIS), '');
    else if (r < 0.2)
      lines.push(
        `${capitalize(rng.pick(NOUNS))} ${rng.pick(['composite', 'photo', 'illustration'])}`,
        `${rng.token(6, 'abcdefghijklmnopqrstuvwxyz')}/${rng.pick(CAPTIONS)}`,
        '',
      );
    else lines.push(paragraph(rng, rng.int(1, 5)) + (rng.chance(0.2) ? ' ' : ''), '');
  }
  if (rng.chance(0.6)) {
    lines.push(
      `${rng.pick(FIRST)} ${rng.pick(LAST)} is a ${rng.pick(['staff writer', 'reporter', 'contributor'])} at ${head.provider.name}. ${sentence(rng)}`,
      '',
    );
  }
  const teasers = rng.int(0, 4);
  for (let k = 0; k < teasers; k++) lines.push('Read more', makeTitle(rng), '');
  return lines.join('\n');
}

/** Relative path of article `index` inside the corpus. */
function relativePath(head: Head): string {
  const y = head.date.getUTCFullYear();
  const m = pad(head.date.getUTCMonth() + 1);
  const base = `${pad(head.index, 6)}-${head.slug.slice(0, 50).replace(/-+$/, '')}`;
  return path.join('_news', String(y), m, `${base}${head.plain ? '.txt' : '.md'}`);
}

/** Renders article `index` of a corpus of `size` in `style`: its relative path and its bytes. */
export function renderArticle(size: number, seed: number, index: number, style: CorpusStyle = 'plain'): { file: string; content: string } {
  const head = articleHead(seed, index);
  let content: string;
  if (head.plain) content = plainTextArticle(seed, size, head);
  else {
    const fm = frontMatterArticle(seed, size, head);
    // The form's choices draw from a stream of their own: both styles hold the same data.
    content = style === 'varied' ? writeVaried(fm, new Rng(mix(seed, index, 5))) : writePlain(fm);
  }
  // ~30% of files use CRLF line endings (57 of the 77 real corpus files do).
  const eol = new Rng(mix(seed, index, 4));
  if (eol.chance(0.3)) content = content.replace(/\n/g, '\r\n');
  // Some editors (Notepad among them) start a UTF-8 file with a byte order mark.
  if (style === 'varied' && eol.chance(0.05)) content = '\ufeff' + content;
  return { file: relativePath(head), content };
}

/**
 * Writes `size` synthetic Smartable files under `outDir` (created if needed). Deterministic:
 * the same size, seed and style give byte-identical files, and both styles the same data.
 * Streams: at most one small batch of file contents is held in memory at a time.
 */
export async function generateCorpus(outDir: string, size: number, seed = 1, style: CorpusStyle = 'plain'): Promise<{ files: number; bytes: number }> {
  if (!Number.isInteger(size) || size < 0) throw new Error(`size must be a non-negative integer, got ${size}`);
  if (!CORPUS_STYLES.includes(style)) throw new Error(`style must be one of ${CORPUS_STYLES.join(', ')}, got ${String(style)}`);
  const madeDirs = new Set<string>();
  let bytes = 0;
  const BATCH = 64;
  for (let start = 0; start < size; start += BATCH) {
    const writes: Promise<void>[] = [];
    for (let index = start; index < Math.min(size, start + BATCH); index++) {
      const { file, content } = renderArticle(size, seed, index, style);
      const abs = path.join(outDir, file);
      const dir = path.dirname(abs);
      if (!madeDirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        madeDirs.add(dir);
      }
      const buf = Buffer.from(content, 'utf8');
      bytes += buf.length;
      writes.push(writeFile(abs, buf));
    }
    await Promise.all(writes);
  }
  headCache.clear();
  return { files: size, bytes };
}
