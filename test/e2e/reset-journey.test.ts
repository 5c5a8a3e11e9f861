import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../support/browser';
import { startLiveServer, type LiveServer } from '../support/live-server';

// A person's whole reset journey in headless Chromium, through the sandbox pages only: ask for a
// reset, read the email in the outbox, follow its link, prove who they are, get a weak password
// refused, set a good one, log in with it. SLEMU_SCREENSHOTS=<dir> saves the pages as PNGs.

const SCREENSHOTS = process.env.SLEMU_SCREENSHOTS;
const NEW_PASSWORD = 'Browser#Pass9';

interface Persona {
  username: string;
  oldPassword: string;
  question?: string;
  answer?: string;
  totpSecret?: string;
  phone?: boolean;
}

const personas: Persona[] = [
  {
    username: 'SL1001',
    oldPassword: 'Sandbox#1001',
    question: 'What was the name of your first pet?',
    answer: 'Rex',
  },
  { username: 'alice', oldPassword: 'Alice#Start1' },
  {
    username: 'bob',
    oldPassword: 'Bob#Start123',
    question: 'In what city were you born?',
    answer: 'Austin',
    totpSecret: 'JBSWY3DPEHPK3PXP',
  },
  { username: 'dave', oldPassword: 'Dave#Start12', phone: true },
];

// What an authenticator app shows now; slemu's clock has not been moved in this test.
const totpCode = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();

// A six-digit code that is certainly not the right one.
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

async function snap(page: Page, name: string, fullPage = true): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

describe('the reset journey in a browser', () => {
  let server: LiveServer;
  let browser: Browser;

  beforeEach(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await browser.close();
    await server.app.close();
  });

  it.each(personas)('$username resets a password and logs in', async (persona) => {
    const page = await browser.context.newPage();
    const screenshots = persona.username === 'SL1001';
    const shots = screenshots ? (name: string) => snap(page, name) : async () => undefined;

    await page.goto(`${server.baseUrl}/`);
    await shots('home');
    await page.getByLabel('Username').fill(persona.username);
    await press(page.getByRole('button', { name: 'Email me a reset link' }));
    await expectText(page, '#forgot-status', 'a reset email is on its way');

    await press(page.getByRole('link', { name: 'Open the outbox' }));
    await page.waitForURL('**/outbox');
    const email = page.locator('.message').first();
    const htmlPart = page.frameLocator('.message iframe').first();
    await htmlPart.getByText('Set a new password').first().waitFor();

    await press(email.locator('.text-part a'));
    await page.waitForURL(/\/password\/set\?key=/);
    await page.locator('#set-form').waitFor();

    if (persona.question) {
      const question = page.getByLabel('Question', { exact: true });
      expect(await question.locator('option:checked').textContent()).toBe(persona.question);
      await page.getByLabel('Your answer').fill(persona.answer ?? '');
    } else {
      expect(await page.locator('#question-group').isHidden()).toBe(true);
    }
    expect(await page.locator('#totp-group').isVisible()).toBe(persona.totpSecret !== undefined);
    expect(await page.locator('#phone-group').isVisible()).toBe(persona.phone === true);
    if (persona.totpSecret) await snapPhone(browser, page.url(), 'password-set-phone');

    // A weak password: the live checklist shows what is missing, then SoftLayer refuses it.
    await page.getByLabel('New password').fill('weakpass');
    await page.getByLabel('Type it again').fill('weakpass');
    await expectText(page, '#rules', '✗ at least 1 uppercase letter');
    await press(page.getByRole('button', { name: 'Set password' }));
    await expectText(page, '#problem', 'That password is not allowed');
    await expectText(page, '#problem', 'contain at least one uppercase letter');
    await shots('password-set');

    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByLabel('Type it again').fill(NEW_PASSWORD);
    expect(await page.locator('#rules .unmet').count()).toBe(0);

    // A wrong answer, then a wrong code: each refused in plain words, and the key still works.
    const code = page.getByLabel('6-digit code from your authenticator app');
    if (persona.question) {
      await page.getByLabel('Your answer').fill('certainly not');
      await press(page.getByRole('button', { name: 'Set password' }));
      await expectText(page, '#problem', 'That answer does not match the one on file');
      await page.getByLabel('Your answer').fill(persona.answer ?? '');
    }
    if (persona.totpSecret) {
      await code.fill(wrongCode(totpCode(persona.totpSecret)));
      await press(page.getByRole('button', { name: 'Set password' }));
      await expectText(page, '#problem', 'The second factor was refused');
      await code.fill(totpCode(persona.totpSecret));
    }
    await press(page.getByRole('button', { name: 'Set password' }));
    if (persona.phone) {
      await expectText(page, '#phone-status', 'Approve the request on your phone');
      const approval = await fetch(`${server.baseUrl}/_slemu/phone/${persona.username}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answer: 'approve' }),
      });
      expect(approval.status).toBe(200);
    }
    await page.locator('#done').waitFor();

    await press(page.getByRole('link', { name: 'Log in with the new password' }));
    await page.waitForURL('**/login');
    await page.getByLabel('Username').fill(persona.username);
    await page.getByLabel('Password').fill(persona.oldPassword);
    await press(page.getByRole('button', { name: 'Log in' }));
    await expectText(page, '#login-status', 'The username or the password is wrong.');

    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await press(page.getByRole('button', { name: 'Log in' }));
    await expectText(page, '#welcome', `Logged in as ${persona.username}`);
    await shots('login');
    if (screenshots) await snapElsewhere(browser, `${server.baseUrl}/outbox`, 'outbox');
  });

  it('asks for the security question at login when the user must answer one', async () => {
    const created = await fetch(`${server.baseUrl}/_slemu/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'quinn',
        email: 'quinn@example.com',
        password: 'Quinn#Start1',
        loginQuestionRequired: true,
        securityAnswers: [{ questionId: 4, answer: 'Smith' }],
      }),
    });
    expect(created.status).toBe(201);

    const page = await browser.context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('Username').fill('quinn');
    await page.getByLabel('Password').fill('Quinn#Start1');
    await press(page.getByRole('button', { name: 'Log in' }));
    await expectText(page, '#login-status', 'must also answer a security question');

    const question = page.getByLabel('Question', { exact: true });
    await question.selectOption({ label: "What is your mother's maiden name?" });
    await page.getByLabel('Your answer').fill('smith');
    await press(page.getByRole('button', { name: 'Log in' }));
    await expectText(page, '#welcome', 'Logged in as quinn');
  });
});

// The same page on a phone-sized screen, in its own tab.
async function snapPhone(browser: Browser, url: string, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url);
  await page.locator('#set-form').waitFor();
  await snap(page, name);
  await page.close();
}

// The outbox with its newest email, in its own tab, once the journey is over.
async function snapElsewhere(browser: Browser, url: string, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  const page = await browser.context.newPage();
  await page.goto(url);
  await page
    .frameLocator('.message iframe')
    .first()
    .getByText('Set a new password')
    .first()
    .waitFor();
  await snap(page, name, false);
  await page.close();
}

// Debian's Chromium sometimes drops a click that playwright sends while it is still scrolling
// the target into view; scroll first, as a person would, then click.
async function press(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await target.page().waitForTimeout(200);
  await target.click();
}

async function expectText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).filter({ hasText: text }).waitFor({ timeout: 15_000 });
}
