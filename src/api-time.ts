// SoftLayer reports times in US Central time with an explicit offset, for example
// 2026-12-03T09:15:00-06:00 (SLDN date-handling article). Clients parse that exact shape.
const API_TIME_ZONE = 'America/Chicago';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: API_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function zoneOffsetMinutes(epochMs: number, parts: Record<string, string>): number {
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

// Formatting through Intl costs microseconds per call and users carry the same few times over
// and over, so formatted seconds are remembered (bounded, cleared when full).
const formatted = new Map<number, string>();
const REMEMBERED_SECONDS = 10_000;

export function formatApiTime(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  let text = formatted.get(second);
  if (text === undefined) {
    if (formatted.size >= REMEMBERED_SECONDS) formatted.clear();
    text = formatSecond(second * 1000);
    formatted.set(second, text);
  }
  return text;
}

function formatSecond(epochMs: number): string {
  const parts: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(new Date(epochMs))) parts[part.type] = part.value;

  const offset = zoneOffsetMinutes(epochMs, parts);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');

  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}:${parts.second}`;
  return `${date}T${time}${sign}${hours}:${minutes}`;
}
