import { chromium } from 'playwright-core'
const base = 'http://localhost:3999'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] })
async function as(email: string) {
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage()
  await page.goto(`${base}/sign-in`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill('demo-password-2026')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'))
  return page
}
const hmi = await as('hmi@demo.ilacs.test')
await hmi.screenshot({ path: '/tmp/look/hmi-home.png', fullPage: true })
await hmi.goto(`${base}/activities`)
await hmi.screenshot({ path: '/tmp/look/activities.png', fullPage: true })
await hmi.getByRole('link', { name: /West Sussex/ }).first().click()
await hmi.screenshot({ path: '/tmp/look/west-sussex.png', fullPage: true })
await hmi.getByRole('link', { name: 'Judgements' }).first().click()
await hmi.screenshot({ path: '/tmp/look/west-sussex-judgements.png', fullPage: true })
const la = await as('la-analyst.845@demo.ilacs.test')
await la.screenshot({ path: '/tmp/look/es-analyst-home.png', fullPage: true })
const r = await la.goto(`${base}/register/886`)
console.log('East Sussex analyst on Kent page:', r?.status())
await browser.close()
