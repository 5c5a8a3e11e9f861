import type { Store } from '../../db/store';
import { verifyPassword } from '../../src/security/password-hash';
import { normaliseAnswer } from '../../src/security/security-answer';

/** Whether the answer matches the user's stored answer to that question. */
export async function answerMatches(
  store: Store,
  userId: number,
  questionId: number | null | undefined,
  answer: string | null | undefined,
): Promise<boolean> {
  if (questionId == null || answer == null) return false;

  const stored = store.securityAnswersOf(userId).find((a) => a.questionId === questionId);
  return stored !== undefined && verifyPassword(normaliseAnswer(answer), stored.answerHash);
}
