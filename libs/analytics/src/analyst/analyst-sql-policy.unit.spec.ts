import { describe, expect, it } from 'vitest';
import { AnalystSqlRejectedError, checkAnalystSql } from './analyst-sql-policy.js';

const rejection = (sql: string) => {
  try {
    checkAnalystSql(sql);
  } catch (error) {
    if (error instanceof AnalystSqlRejectedError) return error;
    throw error;
  }
  throw new Error(`accepted: ${sql}`);
};

describe('checkAnalystSql', () => {
  it('accepts one statement and drops trailing semicolons', () => {
    expect(checkAnalystSql('SELECT 1')).toBe('SELECT 1');
    expect(checkAnalystSql('  SELECT count() FROM tenders FINAL ;; -- done\n')).toBe('SELECT count() FROM tenders FINAL');
  });

  it('does not see semicolons or keywords inside strings, identifiers and comments', () => {
    const sql = "SELECT 'a;b', \"c;d\", `INTO OUTFILE`, 'it''s; FORMAT', 'x\\';' /* ; FORMAT JSON */ -- ; INTO OUTFILE\nFROM t";
    expect(checkAnalystSql(sql)).toBe(sql);
  });

  it('refuses a second statement with its position', () => {
    const error = rejection('SELECT 1; DROP TABLE events');
    expect(error.reason).toMatch(/only one statement/);
    expect(error.offset).toBe(8);
  });

  it('refuses INTO OUTFILE, however it is spaced or commented', () => {
    expect(rejection("SELECT 1 INTO OUTFILE '/tmp/x'").reason).toMatch(/INTO OUTFILE/);
    expect(rejection("select 1 into /* hidden */\n outfile '/tmp/x'").reason).toMatch(/INTO OUTFILE/);
  });

  it('refuses a FORMAT clause but not the format() function', () => {
    expect(rejection('SELECT 1 FORMAT TSV').reason).toMatch(/FORMAT clause/);
    expect(checkAnalystSql("SELECT format('{} {}', 'a', 'b')")).toBe("SELECT format('{} {}', 'a', 'b')");
  });

  it('refuses empty text and unterminated quotes or comments', () => {
    expect(rejection('  -- nothing\n').reason).toBe('the query is empty');
    expect(rejection("SELECT 'open").reason).toMatch(/unterminated ' quote/);
    expect(rejection('SELECT 1 /* open').reason).toMatch(/unterminated \/\* comment/);
  });
});
