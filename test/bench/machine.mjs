/** The machine a benchmark ran on, as its report and its JSON record name it. */
import { cpus, platform, release, totalmem } from 'node:os';

/** @param {string} chromium the browser's version, as the bench read it */
export function describeMachine(chromium) {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    os: `${platform()} ${release()}`,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
  };
}
