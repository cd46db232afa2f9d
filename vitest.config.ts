import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    // Vitest's default is one worker fewer than the cores: on CI's two cores that is one, and the
    // suite took 36 minutes (PGlite and PostgreSQL). Much of a file's time is spent waiting on the
    // browser or the database server, so two files at once make better use of the machine.
    maxWorkers: 2,
    // Each worker loads the service's modules once, not once per file (ADR 0032): loading them
    // again for each of 235 files was 28% of the suite's time. Every file builds its own database
    // and app, and module-level state is keyed by database or record, so files do not meet.
    isolate: false,
  },
})
