/** The data set's country names as ISO 3166-1 alpha-2 codes, as the profile keeps them. */
const CODES: Readonly<Record<string, string>> = {
  'United Kingdom': 'GB', France: 'FR', Germany: 'DE', EIRE: 'IE', Spain: 'ES', Netherlands: 'NL', Belgium: 'BE',
  Switzerland: 'CH', Portugal: 'PT', Australia: 'AU', Norway: 'NO', Italy: 'IT', 'Channel Islands': 'JE',
  Finland: 'FI', Cyprus: 'CY', Sweden: 'SE', Austria: 'AT', Denmark: 'DK', Japan: 'JP', Poland: 'PL', USA: 'US',
  Israel: 'IL', Singapore: 'SG', Iceland: 'IS', Canada: 'CA', Greece: 'GR', Malta: 'MT', 'United Arab Emirates': 'AE',
  RSA: 'ZA', Lebanon: 'LB', Lithuania: 'LT', Brazil: 'BR', 'Czech Republic': 'CZ', Bahrain: 'BH', 'Saudi Arabia': 'SA',
};

/** The ISO code of a country name of the data set, or `undefined` ("Unspecified", "European Community"). */
export function countryCode(name: string): string | undefined {
  return CODES[name];
}
