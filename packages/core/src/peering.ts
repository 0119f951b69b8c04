/**
 * The cachelet's view of its application's ring: who the members are (from the Membership
 * port), which member owns a key (the hash ring), clients to the others, and which of them
 * are suspect after a failure.
 */
import { HashRing } from './ring';
import type { Clock, Member, Membership, PeerClient, PeerConnector } from './ports';
import type { PeerContext } from './read';

export class Peering {
  private ring: HashRing;
  private byId = new Map<string, Member>();
  private readonly clients = new Map<string, { address: string; client: PeerClient }>();
  private readonly suspectUntil = new Map<string, number>();
  private readonly listeners: (() => void)[] = [];
  private unsubscribe: (() => void) | undefined;
  /** Views seen: 1 + membership changes. */
  views = 0;
  private left = false;

  constructor(
    readonly self: Member,
    private readonly membership: Membership,
    private readonly connector: PeerConnector | undefined,
    private readonly clock: Clock,
    private readonly suspectMs: number,
  ) {
    this.ring = new HashRing([self]);
    this.byId = new Map([[self.id, self]]);
  }

  async start(): Promise<void> {
    await this.membership.start(this.self);
    this.apply(this.membership.members());
    this.unsubscribe = this.membership.onChange((members) => this.apply(members));
  }

  /** Deregisters from the membership; the last view and the peer clients stay usable. */
  async leave(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!this.left) {
      this.left = true;
      await this.membership.stop();
    }
  }

  async stop(): Promise<void> {
    await this.leave();
    for (const { client } of this.clients.values()) client.close();
    this.clients.clear();
  }

  /** The ring epoch: a view id, equal for equal member sets. */
  get epoch(): string {
    return this.ring.epoch;
  }

  get members(): Member[] {
    return [...this.byId.values()];
  }

  /** Whether other cachelets share this ring. */
  get distributed(): boolean {
    return this.ring.size > 1;
  }

  /** The owner's id of a store key. */
  owner(key: string): string {
    return this.ring.owner(key) ?? this.self.id;
  }

  context(): PeerContext {
    return { from: this.self.id, epoch: this.ring.epoch };
  }

  /** A client of member `id`, or undefined when it is suspect (recently failed) or unknown. */
  client(id: string): PeerClient | undefined {
    const until = this.suspectUntil.get(id);
    if (until !== undefined) {
      if (this.clock.now() < until) return undefined;
      this.suspectUntil.delete(id);
    }
    return this.clientOf(id);
  }

  /** Clients of every other member, suspect or not (for best-effort broadcasts). */
  others(): PeerClient[] {
    return this.members.filter((m) => m.id !== this.self.id).flatMap((m) => this.clientOf(m.id) ?? []);
  }

  /** A client of member `id`, suspect or not (for a best-effort notice); undefined when unknown. */
  anyClient(id: string): PeerClient | undefined {
    return this.clientOf(id);
  }

  /** Marks a member suspect: reads of its keys go to the origin for a while. */
  suspect(id: string): void {
    this.suspectUntil.set(id, this.clock.now() + this.suspectMs);
  }

  /** Called after every view change (the ring and epoch are already the new ones). */
  onViewChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private clientOf(id: string): PeerClient | undefined {
    const member = this.byId.get(id);
    if (!member || id === this.self.id || !this.connector) return undefined;
    let entry = this.clients.get(id);
    if (!entry || entry.address !== member.address) {
      entry?.client.close();
      entry = { address: member.address, client: this.connector.connect(member) };
      this.clients.set(id, entry);
    }
    return entry.client;
  }

  private apply(members: Member[]): void {
    const list = members.some((m) => m.id === this.self.id) ? members : [...members, this.self];
    if (list.length > 1 && !this.connector) throw new Error('a ring with other members needs a peer connector');
    this.byId = new Map(list.map((m) => [m.id, m]));
    for (const [id, { client }] of this.clients) {
      if (!this.byId.has(id)) {
        client.close();
        this.clients.delete(id);
        this.suspectUntil.delete(id);
      }
    }
    const ring = new HashRing(list);
    const changed = ring.epoch !== this.ring.epoch || this.views === 0;
    this.ring = ring;
    if (changed) {
      this.views++;
      for (const l of this.listeners) l();
    }
  }
}
