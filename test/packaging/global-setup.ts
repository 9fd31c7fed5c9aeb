import { execFileSync } from 'node:child_process';
import { buildEnv } from './output';

/**
 * Builds the Chrome and Firefox packages and the sources archive once, as a person would, and
 * the Firefox MV2 build that stays possible on request (`npm run build:firefox -- --mv2`).
 */
export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'zip'], { stdio: 'pipe', env: buildEnv() });
  execFileSync('npm', ['run', '--silent', 'build:firefox', '--', '--mv2'], {
    stdio: 'pipe',
    env: buildEnv(),
  });
}
