import safeRegex from 'safe-regex2';
import { scalarText } from '../scalar';

// One leaf of an object filter, {operation, options}, tested against one property value.
// Operations follow the SLDN object-filters article; what it leaves open is slemu's choice
// (README, "Object filters"). A leaf that cannot be understood matches everything, as the real
// API silently ignores malformed filters.

export interface FilterLeaf {
  operation?: unknown;
  options?: unknown;
}

const OPERATOR = /^(!\*=|!\^=|!\$=|\*=|\^=|\$=|_=|!=|>=|<=|!~|>|<|~)\s*([\s\S]*)$/;
const MAX_PATTERN = 256;

export function isLeaf(value: unknown): value is FilterLeaf {
  return typeof value === 'object' && value !== null && 'operation' in value;
}

/** Whether a leaf's operation is orderBy, which sorts a list rather than filtering it. */
export function isOrderBy(operation: unknown): boolean {
  return scalarText(operation)?.trim().toLowerCase() === 'orderby';
}

export function matchesLeaf(leaf: FilterLeaf, actual: unknown): boolean {
  const { operation } = leaf;
  if (typeof operation === 'number' || typeof operation === 'boolean') {
    return equals(actual, operation);
  }
  if (typeof operation !== 'string') return true;

  const text = operation.trim();
  const keyword = matchKeyword(text, leaf, actual);
  if (keyword !== undefined) return keyword;

  const match = OPERATOR.exec(text);
  if (!match) return equals(actual, operation);
  return matchOperator(match[1] as string, match[2] as string, actual);
}

function matchKeyword(text: string, leaf: FilterLeaf, actual: unknown): boolean | undefined {
  switch (text.toLowerCase()) {
    case 'orderby':
      return true;
    case 'is null':
    case 'isnull':
      return actual === null || actual === undefined;
    case 'not null':
    case 'notnull':
      return actual !== null && actual !== undefined;
    case 'in':
      return matchIn(leaf, actual);
    case 'isdate':
    case 'lessthandate':
    case 'greaterthandate':
    case 'betweendate':
      return matchDate(text.toLowerCase(), leaf, actual);
    default:
      return undefined;
  }
}

function matchOperator(operator: string, operand: string, actual: unknown): boolean {
  if (actual === null || actual === undefined) return operator.startsWith('!');
  const value = String(actual);
  const lower = value.toLowerCase();
  const wanted = operand.toLowerCase();

  switch (operator) {
    case '_=':
      return lower === wanted;
    case '*=':
      return lower.includes(wanted);
    case '!*=':
      return !lower.includes(wanted);
    case '^=':
      return lower.startsWith(wanted);
    case '!^=':
      return !lower.startsWith(wanted);
    case '$=':
      return lower.endsWith(wanted);
    case '!$=':
      return !lower.endsWith(wanted);
    case '!=':
      return !equals(actual, operand);
    case '~':
      return matchPattern(operand, value) ?? true;
    case '!~': {
      const matched = matchPattern(operand, value);
      return matched === undefined ? true : !matched;
    }
    default:
      return compare(operator, actual, operand);
  }
}

function equals(actual: unknown, wanted: unknown): boolean {
  const text = scalarText(wanted);
  if (actual === null || actual === undefined || text === undefined) return false;
  if (typeof actual === 'boolean') return actual === asBoolean(wanted);
  if (typeof actual === 'number') return actual === Number(text) && text.trim() !== '';
  return String(actual) === text;
}

function asBoolean(value: unknown): boolean {
  return (
    value === true || value === 1 || value === '1' || scalarText(value)?.toLowerCase() === 'true'
  );
}

function compare(operator: string, actual: unknown, operand: string): boolean {
  // Date arithmetic (`> sysdate - 30`) is not emulated; compared as text it would silently
  // drop or keep every row, so the leaf is ignored as an unknown operation is.
  if (/^\s*sysdate\b/i.test(operand)) return true;

  const numeric =
    typeof actual === 'number' && operand.trim() !== '' && !Number.isNaN(Number(operand));
  const left = numeric ? (actual as number) : String(actual);
  const right = numeric ? Number(operand) : operand;

  switch (operator) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    default:
      return left <= right;
  }
}

// Undefined when the pattern cannot be used, so the leaf is ignored rather than failing. A
// pattern that could backtrack without bound (nested quantifiers) counts as unusable.
function matchPattern(pattern: string, value: string): boolean | undefined {
  if (pattern.length > MAX_PATTERN) return undefined;
  try {
    if (!safeRegex(pattern)) return undefined;
    return new RegExp(pattern, 'i').test(value);
  } catch {
    return undefined;
  }
}

function optionValues(leaf: FilterLeaf, name: string): unknown[] | undefined {
  if (!Array.isArray(leaf.options)) return undefined;
  const option = (leaf.options as unknown[]).find(
    (candidate) => (candidate as { name?: unknown } | null)?.name === name,
  ) as { value?: unknown } | undefined;
  if (option === undefined) return undefined;
  return Array.isArray(option.value) ? option.value : [option.value];
}

function matchIn(leaf: FilterLeaf, actual: unknown): boolean {
  const data = optionValues(leaf, 'data');
  if (data === undefined) return true;
  return data.some((candidate) => equals(actual, candidate));
}

// Dates in options are MM/DD/YYYY; API times start with the US Central calendar date.
function matchDate(operation: string, leaf: FilterLeaf, actual: unknown): boolean {
  if (typeof actual !== 'string') return false;
  const day = actual.slice(0, 10);
  const option = (name: string) => toIsoDay(optionValues(leaf, name)?.[0]);

  switch (operation) {
    case 'isdate':
      return ifKnown(option('date'), (date) => day === date);
    case 'lessthandate':
      return ifKnown(option('date'), (date) => day < date);
    case 'greaterthandate':
      return ifKnown(option('date'), (date) => day > date);
    default: {
      const start = option('startDate');
      const end = option('endDate');
      if (start === undefined || end === undefined) return true;
      return day >= start && day <= end;
    }
  }
}

function ifKnown(date: string | undefined, test: (date: string) => boolean): boolean {
  return date === undefined ? true : test(date);
}

function toIsoDay(value: unknown): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec((scalarText(value) ?? '').trim());
  if (!match) return undefined;
  const [, month, day, year] = match as unknown as [string, string, string, string];
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
