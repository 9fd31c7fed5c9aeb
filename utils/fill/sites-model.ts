import { type Signal, signal } from '@preact/signals';
import type { Session } from '../account';
import {
  type GrantRecord,
  listGrants,
  listUsage,
  removeGrant,
  setSiteDefault,
  type TokenDatabase,
} from '../store';
import { summarizeUsage, type TokenUsage } from '../tokens';
import { announceGrants } from './menu-channel';

export interface SitesDeps {
  loadSession(): Promise<Session | null>;
  openDb(): Promise<TokenDatabase>;
  /** Gives back host permissions no grant needs any more (permissions.ts's `releaseOrigins`). */
  releaseOrigins?(
    removed: readonly string[],
    kept: readonly string[],
    serviceUrl: string | null,
  ): Promise<void>;
}

/** The options page's view of where tokens went: site grants and the usage record (issue 4). */
export interface SitesModel {
  grants: Signal<GrantRecord[]>;
  usage: Signal<Map<string, TokenUsage>>;
  load(): Promise<void>;
  remove(grant: GrantRecord): Promise<void>;
  /** Chooses the token the shortcut fills on `origin`; null: the one last filled there. */
  setDefault(origin: string, tokenId: string | null): Promise<void>;
}

export function createSitesModel(deps: SitesDeps): SitesModel {
  const grants = signal<GrantRecord[]>([]);
  const usage = signal(new Map<string, TokenUsage>());

  async function load(): Promise<void> {
    const session = await deps.loadSession();
    if (!session) {
      grants.value = [];
      usage.value = new Map();
      return;
    }
    const db = await deps.openDb();
    const scope = { service: session.serviceUrl, account: session.account };
    const [granted, used] = await Promise.all([listGrants(db, scope), listUsage(db, scope)]);
    grants.value = granted;
    usage.value = summarizeUsage(used);
  }

  async function remove(grant: GrantRecord): Promise<void> {
    await removeGrant(await deps.openDb(), grant);
    announceGrants();
    await load();
    // The last grant for that host gone: so is the extension's reach into its frames.
    const kept = grants.value.map((g) => g.origin);
    await deps.releaseOrigins?.([grant.origin], kept, (await deps.loadSession())?.serviceUrl ?? null);
  }

  async function setDefault(origin: string, tokenId: string | null): Promise<void> {
    const session = await deps.loadSession();
    if (!session) return;
    await setSiteDefault(
      await deps.openDb(),
      { service: session.serviceUrl, account: session.account },
      origin,
      tokenId,
    );
    announceGrants();
    await load();
  }

  return { grants, usage, load, remove, setDefault };
}
