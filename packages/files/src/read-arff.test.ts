import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FileReadError } from './file-error';
import { openArff } from './read-arff';
import { collect, testDir } from './test-dir';

const dir = testDir('arff');
afterAll(() => dir.cleanup());

const write = (name: string, text: string) => {
  const file = dir.path(name);
  writeFileSync(file, text);
  return file;
};

describe('openArff', () => {
  it('reads attributes as columns and data lines as rows numbered by their line', async () => {
    const file = write(
      'a.arff',
      "% comment\n@relation 'x'\n\n@attribute Attr1 real\n@attribute 'two words' numeric\n@attribute class {0,1}\n\n@data\n0.5,?,0\n\n-1,2e3,1\n",
    );
    const src = await openArff(file);
    expect(src.columns).toEqual(['Attr1', 'two words', 'class']);
    expect(await collect(src.rows)).toEqual([
      { row: 9, values: { Attr1: '0.5', 'two words': '?', class: '0' } },
      { row: 11, values: { Attr1: '-1', 'two words': '2e3', class: '1' } },
    ]);
  });

  it('refuses a row with the wrong number of values, sparse rows and a file without @data', async () => {
    await expect(openArff(write('b.arff', '@attribute a real\n@attribute b real\n@data\n1,2\n3\n'))).rejects.toThrow(
      /row 5: 1 values for 2 attributes/,
    );
    await expect(openArff(write('c.arff', '@attribute a real\n@data\n{0 1}\n'))).rejects.toThrow(FileReadError);
    await expect(openArff(write('d.arff', '@attribute a real\n'))).rejects.toThrow(/no @data/);
  });
});
