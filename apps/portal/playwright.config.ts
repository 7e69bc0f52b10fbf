import { appPlaywrightConfig } from '@dezky/e2e-support'
import { defineConfig } from '@playwright/test'
import { STACK } from './e2e/support/stack'

export default defineConfig(appPlaywrightConfig(STACK))
