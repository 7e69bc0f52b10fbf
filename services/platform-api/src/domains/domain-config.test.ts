import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config'

describe('domain settings', () => {
  it('reads DNS_SERVERS as a list of resolver addresses', () => {
    expect(loadConfig({ DNS_SERVERS: '127.0.0.1:5353, [::1]:53,192.0.2.1,::1' }).DNS_SERVERS).toEqual([
      '127.0.0.1:5353',
      '[::1]:53',
      '192.0.2.1',
      '::1',
    ])
    expect(loadConfig({}).DNS_SERVERS).toBeUndefined()
    expect(loadConfig({}).DNS_TIMEOUT_MS).toBe(3000)
  })

  it.each([
    'localhost:53',
    '1.2.3.4:99999',
    'ns1.example.com',
    '[::1',
  ])('refuses %s at start, naming the variable', (server) => {
    expect(() => loadConfig({ DNS_SERVERS: server })).toThrow(/DNS_SERVERS/)
  })

  it('lower-cases MAIL_MX_HOST and refuses what is not a host name', () => {
    expect(loadConfig({ MAIL_MX_HOST: 'Mail.Dezky.NET' }).MAIL_MX_HOST).toBe('mail.dezky.net')
    expect(() => loadConfig({ MAIL_MX_HOST: 'http://mail' })).toThrow(/MAIL_MX_HOST/)
  })
})
