// Original file: ../../proto/faast/v1/peer.proto


/**
 * Who sent a peer request, and under which ring view.
 */
export interface PeerContext {
  /**
   * The sender's member id.
   */
  'from'?: (string);
  /**
   * The sender's ring epoch (a view id: equal epochs, equal member sets).
   */
  'epoch'?: (string);
}

/**
 * Who sent a peer request, and under which ring view.
 */
export interface PeerContext__Output {
  /**
   * The sender's member id.
   */
  'from': (string);
  /**
   * The sender's ring epoch (a view id: equal epochs, equal member sets).
   */
  'epoch': (string);
}
