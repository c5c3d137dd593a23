/**
 * True when the runtime knows the IANA time zone (`Europe/Madrid`, `America/Mexico_City`).
 *
 * @example
 * isTimeZone('Europe/Madrid'); // true
 * isTimeZone('Mars/Olympus'); // false
 */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
