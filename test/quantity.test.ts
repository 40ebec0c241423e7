import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../src/k8s/quantity.js';

describe('parseQuantity', () => {
  it.each([
    ['10Gi', 10 * 2 ** 30],
    ['1Ki', 1024],
    ['1.5Mi', 1.5 * 2 ** 20],
    ['2Ei', 2 * 2 ** 60],
    ['500M', 500e6],
    ['1.1G', 1.1e9],
    ['1k', 1000],
    ['1E', 1e18],
    ['100m', 0.1],
    ['5u', 5e-6],
    ['7n', 7e-9],
    ['1T', 1e12],
    ['3P', 3e15],
    ['1e3', 1000],
    ['1E3', 1000],
    ['12e+6', 12e6],
    ['5e-3', 0.005],
    ['123', 123],
    ['0', 0],
    ['-1Gi', -(2 ** 30)],
    ['+2k', 2000],
    ['.5Gi', 0.5 * 2 ** 30],
    ['1.G', 1e9],
    ['007', 7],
    [' 10Gi ', 10 * 2 ** 30],
  ])('parses %j', (text, expected) => {
    expect(parseQuantity(text)).toBe(expected);
  });

  it.each([1024, 0.5, 0])('accepts the YAML number %j', (value) => {
    expect(parseQuantity(value)).toBe(value);
  });

  it.each([
    '',
    ' ',
    'Gi',
    '.',
    '-',
    '10GB',
    '10gi',
    '10 Gi',
    '1e',
    '1e3Gi',
    '1.5.5',
    '10K',
    '1Gi1',
    'ten',
    '0x10',
    '1,000',
    '1e1.5',
  ])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it.each([null, undefined, true, {}, [], Number.NaN, Number.POSITIVE_INFINITY])('rejects the non-quantity %j', (value) => {
    expect(parseQuantity(value)).toBeUndefined();
  });
});
