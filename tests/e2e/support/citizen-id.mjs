// Citizen IDs as the server accepts them (src/Domain/Users/CitizenId.cs, docs/decisions/0003-citizen-id-format.md):
// 13 digits, the last a mod-11 check digit over the first twelve with weights 13 down to 2.

/** The check digit of twelve leading digits. */
export function checkDigit(firstTwelve) {
  if (!/^\d{12}$/.test(firstTwelve)) throw new Error(`twelve digits expected, not "${firstTwelve}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(firstTwelve[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

/** A valid citizen ID: the twelve digits and their check digit. */
export const citizenId = (firstTwelve) => `${firstTwelve}${checkDigit(firstTwelve)}`;

/**
 * `count` distinct valid citizen IDs that start with `prefix` (digits, fewer than twelve), numbered from 1;
 * choose a prefix no seeded user has (the Development seed uses 11…).
 */
export function citizenIds(prefix, count) {
  const width = 12 - prefix.length;
  if (!/^\d+$/.test(prefix) || width < String(count).length) throw new Error(`prefix "${prefix}" leaves no room for ${count} IDs`);
  return Array.from({ length: count }, (_, i) => citizenId(prefix + String(i + 1).padStart(width, '0')));
}
