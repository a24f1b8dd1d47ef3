import { describe, expect, it } from 'vitest';
import { detectTitleDrift } from './title-drift.js';

describe('detectTitleDrift', () => {
  it.each<[string, string, string | undefined, boolean]>([
    // [roadmap title, status, page title, flagged]
    ['3Blue1Brown - 线性代数的本质', 'ok', 'Essence of linear algebra - YouTube', false],
    ['由Hugging Face提供的《RLHF插图》', 'ok', 'Illustrating RLHF', false],
    ['Hugging Face 课程', 'ok', 'huggingface.co', false],
    ['《聊天模板》', 'ok', 'GitHub', false],
    ['《聊天模板》', 'ok', '', false],
    ['《聊天模板》', 'ok', undefined, false],
    ['Some course', 'ok', 'example-course.com', false],
    ['Some course', 'ok', 'Domain for sale: example.com', true],
    ['Some course', 'ok', 'This domain is for sale!', true],
    ['Some course', 'ok', 'Buy this domain', true],
    ['Some course', 'ok', 'Welcome to nginx!', true],
    ['Some course', 'ok', 'Index of /', true],
    ['Some course', 'ok', 'Account Suspended', true],
    ['Some course', 'ok', 'Coming Soon', true],
    ['某课程', 'ok', '该域名正在出售', true],
    ['Some course', 'ok', 'bestdeals4u.net', true],
    // the classifier already judged the page: nothing more to say
    ['Some course', 'broken', 'Domain for sale', false],
    ['Some course', 'redirected', 'Welcome to nginx!', false],
  ])('%s / %s / %j → %s', (roadmapTitle, status, pageTitle, flagged) => {
    const drift = detectTitleDrift(roadmapTitle, {
      status,
      ...(pageTitle === undefined ? {} : { pageTitle }),
    });
    expect(drift?.pageTitle).toBe(flagged ? pageTitle : undefined);
  });
});
