import { describe, expect, it } from 'vitest';
import { renderGauges } from './prometheus-text.js';

describe('renderGauges', () => {
  it('writes HELP, TYPE and the sample, escaping label values', () => {
    expect(renderGauges([{ name: 'presales_up', help: 'Engine answers.', value: 1, labels: { engine: 'a"b\\c' } }, { name: 'x', help: 'X.', value: 2.5 }])).toBe(
      '# HELP presales_up Engine answers.\n# TYPE presales_up gauge\npresales_up{engine="a\\"b\\\\c"} 1\n# HELP x X.\n# TYPE x gauge\nx 2.5\n',
    );
  });
});
