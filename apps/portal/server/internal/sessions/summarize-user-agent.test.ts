import { describe, expect, it } from 'vitest'
import { summarizeUserAgent } from './summarize-user-agent'

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0'
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'

describe('summarizeUserAgent', () => {
  it.each([
    [
      FIREFOX,
      { browser: 'Firefox', version: '140', os: 'Windows' },
    ],
    [
      CHROME,
      { browser: 'Chrome', version: '156', os: 'Linux' },
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0',
      { browser: 'Edge', version: '156', os: 'macOS' },
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
      { browser: 'Safari', version: '18', os: 'iOS' },
    ],
    [
      'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
      { browser: 'Chrome', version: '156', os: 'Android' },
    ],
    [
      'curl/8.0',
      { browser: null, version: null, os: null },
    ],
    [
      null,
      { browser: null, version: null, os: null },
    ],
  ])('%s', (userAgent, expected) => {
    expect(summarizeUserAgent(userAgent)).toEqual(expected)
  })
})
