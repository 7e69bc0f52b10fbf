/** Stop steps run in reverse order of registration, each once, a failing one not blocking the rest. */
export class Teardown {
  private readonly steps: { name: string, run: () => Promise<unknown> }[] = []

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run })
  }

  async run(log: (message: string) => void): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run()
        log(`stopped ${step.name}`)
      }
      catch (error) {
        log(`stopping ${step.name} failed: ${(error as Error).message}`)
      }
    }
  }
}
