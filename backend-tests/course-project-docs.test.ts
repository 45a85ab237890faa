/**
 * docs/backends/course-project.md cannot drift from examples/course-project: every code block of
 * the page is tagged with the example's file it belongs to (`<!-- file: src/api/routes.py -->` on
 * the line before the fence), and that file must contain the block exactly. The e2e flows run on
 * the example (course-project*.spec.ts), so what the page tells a student to write is what they
 * prove.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './reference-backends';

const PAGE = 'docs/backends/course-project.md';
const EXAMPLE = join(repoRoot, 'examples', 'course-project');

interface Block {
  /** The tag's file, relative to examples/course-project; null when the block has no tag. */
  file: string | null;
  /** The fence's line in the page, for the failure message. */
  line: number;
  body: string;
}

/** Every fenced block of the page, with the `<!-- file: ... -->` tag above it, if any. */
function taggedBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const fence = /^(`{3,}|~{3,})/.exec(lines[index] ?? '');
    if (fence === null) continue;
    const start = index;
    const end = lines.findIndex(
      (line, at) => at > start && line.startsWith(fence[1] ?? '```') && line.trim() === fence[1],
    );
    if (end === -1) throw new Error(`${PAGE}:${String(start + 1)}: a fence that never closes`);
    // The tag is the nearest non-blank line above the fence.
    let above = start - 1;
    while (above >= 0 && (lines[above] ?? '').trim() === '') above -= 1;
    const tag = /^<!-- file: (\S+) -->$/.exec((lines[above] ?? '').trim());
    blocks.push({
      file: tag?.[1] ?? null,
      line: start + 1,
      body: lines.slice(start + 1, end).join('\n'),
    });
    index = end;
  }
  return blocks;
}

const blocks = taggedBlocks(readFileSync(join(repoRoot, PAGE), 'utf8'));

describe(`${PAGE} and examples/course-project`, () => {
  it('the page has code blocks, every one tagged with a file of the example', () => {
    expect(blocks.length).toBeGreaterThan(5);
    const untagged = blocks.filter((block) => block.file === null).map((block) => block.line);
    expect(untagged, `untagged blocks at ${PAGE} lines`).toEqual([]);
  });

  it.each(blocks.map((block) => [`${block.file ?? '?'} (line ${String(block.line)})`, block]))(
    'the block for %s is in that file, exactly',
    (_name, { file, line, body }) => {
      const path = normalize(join(EXAMPLE, file ?? ''));
      expect(path.startsWith(EXAMPLE + sep), `${file ?? ''} is outside the example`).toBe(true);
      expect(existsSync(path), `examples/course-project/${file ?? ''} does not exist`).toBe(true);
      const text = readFileSync(path, 'utf8');
      expect(body.trim(), `${PAGE}:${String(line)}`).not.toBe('');
      // A failure shows the block; the file then lacks it character for character.
      expect(
        text.includes(`${body}\n`),
        `${PAGE}:${String(line)}: this block is not in examples/course-project/${file ?? ''}:\n${body}`,
      ).toBe(true);
    },
  );

  it('finds a block that drifted', () => {
    const [drifted] = taggedBlocks(
      '<!-- file: src/api/routes.py -->\n\n```python\napi = Blueprint("api", __name__)\n```\n',
    );
    expect(drifted).toEqual({
      file: 'src/api/routes.py',
      line: 3,
      body: 'api = Blueprint("api", __name__)',
    });
    const routes = readFileSync(join(EXAMPLE, 'src', 'api', 'routes.py'), 'utf8');
    expect(routes.includes(`${drifted?.body ?? ''}\n`)).toBe(false);
  });
});
