import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from '../e2e/fixtures';

/*
 * Every story of the built Storybook renders without an error and passes axe-core (WCAG 2.2
 * AA tags). Stories tagged `narrow` are checked at 320 px, the others at 1280 px. The preview
 * page is loaded once per worker; each story is then selected through Storybook's own channel
 * (what its sidebar does), which costs a render instead of a page load.
 */
interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  tags?: string[];
}
const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as { entries: Record<string, IndexEntry> };
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
// Two halves, so the two workers share the stories.
const halves = [stories.filter((_, i) => i % 2 === 0), stories.filter((_, i) => i % 2 === 1)];

type Outcome = { ok: true } | { ok: false; error: string };

const storybookReady = (page: Page) =>
  page.waitForFunction(() => '__STORYBOOK_ADDONS_CHANNEL__' in window && /sb-show-(main|errordisplay)/.test(document.body.className));

/**
 * Selects a story and resolves when it has rendered (or failed). Now and then the preview page
 * reloads right after its first story (seen about once in five runs, cause not found): then
 * the selection is made again on the reloaded page.
 */
async function showStory(page: Page, id: string): Promise<Outcome> {
  try {
    return await selectStory(page, id);
  } catch (error) {
    if (!String(error).includes('Execution context was destroyed')) throw error;
    await storybookReady(page);
    return selectStory(page, id);
  }
}

async function selectStory(page: Page, id: string): Promise<Outcome> {
  return page.evaluate(
    (storyId) =>
      new Promise<Outcome>((resolve) => {
        const channel = (
          window as unknown as {
            __STORYBOOK_ADDONS_CHANNEL__: {
              on(e: string, f: (...a: unknown[]) => void): void;
              off(e: string, f: (...a: unknown[]) => void): void;
              emit(e: string, ...a: unknown[]): void;
            };
          }
        ).__STORYBOOK_ADDONS_CHANNEL__;
        const events: Record<string, (...a: unknown[]) => void> = {};
        const done = (outcome: Outcome) => {
          for (const [event, fn] of Object.entries(events)) channel.off(event, fn);
          resolve(outcome);
        };
        events.storyRendered = () => done({ ok: true });
        events.storyErrored = (e) => done({ ok: false, error: `storyErrored: ${JSON.stringify(e)}` });
        events.storyThrewException = (e) => done({ ok: false, error: `storyThrewException: ${String((e as Error)?.message ?? e)}` });
        events.playFunctionThrewException = (e) => done({ ok: false, error: `play function: ${String((e as Error)?.message ?? e)}` });
        events.storyMissing = () => done({ ok: false, error: 'storyMissing' });
        for (const [event, fn] of Object.entries(events)) channel.on(event, fn);
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }),
    id,
  );
}

halves.forEach((half, n) => {
  test(`stories, part ${n + 1} of 2: render and pass axe-core`, async ({ page }) => {
    expect(stories.length).toBeGreaterThan(0);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The page opens on the half's last story, so that every story of the loop is a change of
    // story (selecting the story already shown renders nothing); the last one comes round again.
    const warmUp = half.at(-1);
    if (!warmUp) return;
    await page.goto(`/iframe.html?id=${warmUp.id}&viewMode=story`);
    await storybookReady(page);
    for (const story of half) {
      await test.step(`${story.title} / ${story.name}`, async () => {
        await page.setViewportSize(story.tags?.includes('narrow') ? { width: 320, height: 640 } : { width: 1280, height: 800 });
        const outcome = await showStory(page, story.id);
        expect(outcome, story.id).toEqual({ ok: true });
        if (story.title === 'Screens') {
          // Screens fetch their data after rendering: wait until nothing says Loading….
          await expect(page.getByText(/^(Loading|Chargement)…$/)).toHaveCount(0);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        }
        if (story.tags?.includes('narrow')) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        await expectNoAxeViolations(page);
        expect(errors, 'uncaught errors').toEqual([]);
      });
    }
  });
});
