/**
 * Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource):
 *
 *   <quantity>     ::= <sign>? <number> <suffix>
 *   <number>       ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
 *   <suffix>       ::= <binarySI> | <decimalExponent> | <decimalSI>
 *   <binarySI>     ::= Ki | Mi | Gi | Ti | Pi | Ei
 *   <decimalSI>    ::= n | u | m | "" | k | M | G | T | P | E
 *   <decimalExponent> ::= ("e" | "E") <sign>? <digits>
 *
 * The API server trims surrounding whitespace before parsing; a YAML number is a plain quantity.
 */

// `\d+(?:\.\d*)?` rather than `\d+\.?\d*`: the latter splits a run of digits between its two `\d` in every way before
// failing on a bad suffix (quadratic: 19 s for 100,000 digits); this one backtracks through the digits once.
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?\d+)|(n|u|m|k|M|G|T|P|E)?)$/;

const BINARY_POWERS: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

const DECIMAL_EXPONENTS: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

/** The value of a quantity in base units (bytes, cores...), or undefined when it is not a valid quantity. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = QUANTITY.exec(value.trim());
  if (!match) return undefined;
  const [, number, binary, exponent, decimal] = match;
  if (binary) return Number(number) * 2 ** BINARY_POWERS[binary];
  // Scaling through the exponent notation keeps decimal results exact ("1.1G" is 1100000000, not 1100000000.0000002).
  const power = exponent !== undefined ? Number(exponent) : decimal ? DECIMAL_EXPONENTS[decimal] : 0;
  return Number(`${number}e${power}`);
}
