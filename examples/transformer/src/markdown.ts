/**
 * Documents: a Markdown subset rendered to HTML (headings, paragraphs, lists, block quotes,
 * fenced code, rules; inline code, links, strong, emphasis), word statistics, and a generator
 * of deterministic documents of a given size.
 */
import { seededRandom } from '@faast/core';
import { zipf } from '@faast/example-function-kit';

export interface DocStats {
  lines: number;
  /** Words of the prose: headings, paragraphs, list items, quotes, link texts, inline code (not code blocks or URLs). */
  words: number;
  uniqueWords: number;
  headings: number;
  paragraphs: number;
  listItems: number;
  codeBlocks: number;
  links: number;
  /** The ten most frequent words, most frequent first (ties in alphabetical order). */
  topWords: Array<{ word: string; count: number }>;
  /** At 230 words a minute, rounded up. */
  readingMinutes: number;
}

export interface Rendered {
  title: string;
  /** A whole HTML document. */
  html: string;
  stats: DocStats;
}

const WORD = /[a-z]+(?:'[a-z]+)?/g;
const INLINE = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*|\*([^*]+)\*|_([^_]+)_/g;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Renders a Markdown document to HTML and counts its words. */
export function renderMarkdown(source: string): Rendered {
  const lines = source.split(/\r?\n/);
  const out: string[] = [];
  const prose: string[] = [];
  const counts = { headings: 0, paragraphs: 0, listItems: 0, codeBlocks: 0, links: 0 };
  let title = '';

  const inline = (text: string): string => {
    prose.push(text.replace(/\]\([^)\s]+\)/g, ']'));
    let html = '';
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      html += escapeHtml(text.slice(last, m.index));
      last = m.index + m[0].length;
      if (m[1] !== undefined) html += `<code>${escapeHtml(m[1])}</code>`;
      else if (m[2] !== undefined) {
        counts.links++;
        const url = /^(https?:\/\/|\/|#)/.test(m[3]!) ? m[3]! : '#';
        html += `<a href="${escapeHtml(url)}">${escapeHtml(m[2])}</a>`;
      } else if (m[4] !== undefined) html += `<strong>${escapeHtml(m[4])}</strong>`;
      else html += `<em>${escapeHtml(m[5] ?? m[6]!)}</em>`;
    }
    return html + escapeHtml(text.slice(last));
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = /^```\s*([\w-]*)\s*$/.exec(line);
    if (fence) {
      const code: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) code.push(lines[i]!);
      i++;
      counts.codeBlocks++;
      const cls = fence[1] ? ` class="language-${escapeHtml(fence[1])}"` : '';
      out.push(`<pre><code${cls}>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const text = heading[2]!;
      if (!title && level === 1) title = text;
      counts.headings++;
      out.push(`<h${level} id="${slug(text)}">${inline(text)}</h${level}>`);
      i++;
      continue;
    }
    if (/^\s*$/.test(line)) {
      i++;
      continue;
    }
    if (/^(-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    const list = /^([-*+]|\d+\.)\s+/.exec(line);
    if (list) {
      const ordered = /\d/.test(list[1]!);
      const item = ordered ? /^\d+\.\s+(.*)$/ : /^[-*+]\s+(.*)$/;
      const items: string[] = [];
      for (let m = item.exec(lines[i] ?? ''); m; m = item.exec(lines[++i] ?? '')) items.push(`<li>${inline(m[1]!)}</li>`);
      counts.listItems += items.length;
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>\n${items.join('\n')}\n</${tag}>`);
      continue;
    }
    if (line.startsWith('>')) {
      const quoted: string[] = [];
      for (; i < lines.length && lines[i]!.startsWith('>'); i++) quoted.push(lines[i]!.replace(/^>\s?/, ''));
      out.push(`<blockquote><p>${inline(quoted.join('\n'))}</p></blockquote>`);
      continue;
    }
    const para: string[] = [];
    for (; i < lines.length && isParagraphLine(lines[i]!); i++) para.push(lines[i]!);
    counts.paragraphs++;
    out.push(`<p>${inline(para.join('\n'))}</p>`);
  }

  title ||= 'Untitled';
  const stats = wordStats(prose.join('\n'), { lines: lines.length, ...counts });
  const html = `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n<article>\n${out.join('\n')}\n</article>\n</body>\n</html>\n`;
  return { title, html, stats };
}

function isParagraphLine(line: string): boolean {
  return !/^\s*$/.test(line) && !/^(```|#{1,6}\s|>|[-*+]\s|\d+\.\s|(-{3,}|\*{3,}|_{3,})\s*$)/.test(line);
}

function wordStats(text: string, counts: Omit<DocStats, 'words' | 'uniqueWords' | 'topWords' | 'readingMinutes'>): DocStats {
  const freq = new Map<string, number>();
  let words = 0;
  for (const [w] of text.toLowerCase().matchAll(WORD)) {
    words++;
    freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  const topWords = [...freq]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .map(([word, count]) => ({ word, count }));
  return { ...counts, words, uniqueWords: freq.size, topWords, readingMinutes: Math.ceil(words / 230) };
}

/** Common words first, then made-up ones: document text with a natural (Zipf) word frequency. */
const COMMON = (
  'the of and to in a is that for it as with was on be by this are from at or an which not have has but can ' +
  'data cache object function request storage latency memory instance server client bucket read write version ' +
  'key value time result system application region network service model cost node peer load'
).split(' ');

function vocabulary(size: number): string[] {
  const random = seededRandom(0x5eed);
  const onsets = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'st', 'tr', 'pl', 'gr', 'ch', 'sh'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
  const codas = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st'];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const words = new Set(COMMON);
  while (words.size < size) {
    let w = '';
    for (let s = 1 + Math.floor(random() * 3); s > 0; s--) w += pick(onsets) + pick(vowels) + (s === 1 ? pick(codas) : '');
    words.add(w);
  }
  return [...words];
}

let vocab: string[] | undefined;

/** A deterministic Markdown document of about `targetBytes` bytes (it stops at the first section past it). */
export function generateDocument(id: string, targetBytes: number, seed: number): string {
  vocab ??= vocabulary(3000);
  const words = vocab;
  const random = seededRandom(seed);
  const word = zipf(words.length, 1.05, random);
  const w = (): string => words[word()]!;
  const phrase = (n: number): string => Array.from({ length: n }, w).join(' ');
  const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const sentence = (): string => {
    const parts = Array.from({ length: int(6, 20) }, () => {
      const x = w();
      const r = random();
      if (r < 0.02) return `**${x}**`;
      if (r < 0.04) return `*${x}*`;
      if (r < 0.055) return `\`${x}()\``;
      if (r < 0.065) {
        const text = `${x} ${w()}`;
        return `[${text}](https://docs.example.com/${slug(text)})`;
      }
      return x;
    });
    return `${capital(parts.join(' '))}.`;
  };
  const paragraph = (): string => Array.from({ length: int(3, 7) }, sentence).join(' ').replace(/(.{60,90}?) /g, '$1\n');

  const chunks: string[] = [`# ${capital(phrase(int(3, 6)))}`, '', `Document ${id}. ${sentence()}`, ''];
  let bytes = chunks.join('\n').length;
  const add = (block: string): void => {
    chunks.push(block, '');
    bytes += block.length + 2;
  };
  for (let section = 1; bytes < targetBytes; section++) {
    add(`## ${section}. ${capital(phrase(int(2, 5)))}`);
    for (let p = int(2, 5); p > 0; p--) add(paragraph());
    const r = random();
    if (r < 0.3) add(Array.from({ length: int(3, 7) }, () => `- ${capital(phrase(int(3, 9)))}`).join('\n'));
    else if (r < 0.5) add(Array.from({ length: int(3, 6) }, (_, k) => `${k + 1}. ${capital(phrase(int(3, 9)))}`).join('\n'));
    else if (r < 0.65) add(`> ${sentence()}\n> ${sentence()}`);
    else if (r < 0.8) {
      const code = Array.from({ length: int(3, 10) }, () => `const ${w()}_${int(0, 99)} = ${w()}(${JSON.stringify(w())}, ${int(0, 9999)});`);
      add(['```js', ...code, '```'].join('\n'));
    }
    if (random() < 0.3) {
      add(`### ${capital(phrase(int(2, 4)))}`);
      add(paragraph());
    }
    if (random() < 0.1) add('---');
  }
  return chunks.join('\n');
}
