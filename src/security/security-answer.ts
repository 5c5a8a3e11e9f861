// Security answers match trimmed and case-insensitive (decisions.md), so "rex " opens "Rex".
export function normaliseAnswer(answer: string): string {
  return answer.trim().toLowerCase();
}
