package org.relais.web.push;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * One client of the event stream, with the frames its connection has not taken yet. Its output is
 * non-blocking: frames are written only while the container says the connection can take more, so a
 * client that reads slowly, or not at all, holds up no other client. Its frames wait here, in
 * order, up to {@link #MAX_WAITING_BYTES}; beyond, the client is too far behind to follow and its
 * stream ends (a client that reconnects reads the state afresh rather than with a gap).
 *
 * <p>A connection that takes nothing at all for a while (its client stopped reading, or vanished
 * without a word) is closed: {@link #closeIfStalled} measures how long frames have waited on a full
 * connection.
 *
 * <p>Everything here runs on the stream's one sending thread, the container's call that the
 * connection drained included: it only hands a task to that thread. No lock is needed, and the
 * frames of two transactions never interleave.
 */
final class StreamSubscriber implements WriteListener {

  private static final Logger LOG = Logger.getLogger(StreamSubscriber.class.getName());

  /**
   * Frames waiting for one client beyond what its connection buffers: several seconds of a busy
   * account's events (about a kilobyte a call).
   */
  static final int MAX_WAITING_BYTES = 4 << 20;

  private final long accountId;
  private final ServletOutputStream out;
  private final Runnable endRequest;
  private final Executor sendingThread;
  private final Clock clock;
  private final Deque<byte[]> waiting = new ArrayDeque<>();
  private long waitingBytes;
  private boolean unflushed;
  private boolean ended;

  /** Since when frames wait on a connection that takes none; null while it keeps up. */
  private Instant stalledSince;

  /**
   * @param endRequest ends the client's request: it left, fell behind, or the stream stops
   * @param sendingThread the stream's one sending thread
   * @param clock tells how long the connection has taken nothing
   */
  StreamSubscriber(
      long accountId,
      ServletOutputStream out,
      Runnable endRequest,
      Executor sendingThread,
      Clock clock) {
    this.accountId = accountId;
    this.clock = clock;
    this.out = out;
    this.endRequest = endRequest;
    this.sendingThread = sendingThread;
  }

  long accountId() {
    return accountId;
  }

  /** Makes the output non-blocking; the container then says when the connection takes frames. */
  void start() {
    out.setWriteListener(this);
  }

  /** On the sending thread: queues the frames and writes what the connection takes now. */
  void send(byte[] frames) {
    if (ended) {
      return;
    }
    if (waitingBytes + frames.length > MAX_WAITING_BYTES) {
      LOG.warning("an event subscriber of account " + accountId + " fell behind: closed");
      fallSilent();
      return;
    }
    waiting.add(frames);
    waitingBytes += frames.length;
    write();
  }

  /** The container's call once the connection takes frames again: written on the sending thread. */
  @Override
  public void onWritePossible() {
    try {
      sendingThread.execute(this::write);
    } catch (RejectedExecutionException shuttingDownOrBehind) {
      close();
    }
  }

  /** The connection failed: the client left. */
  @Override
  public void onError(Throwable failure) {
    close();
  }

  /**
   * On the sending thread: closes the stream when frames have waited on a full connection for
   * {@code timeout} or more by {@code now}.
   */
  void closeIfStalled(Instant now, Duration timeout) {
    if (!ended && stalledSince != null && !now.isBefore(stalledSince.plus(timeout))) {
      LOG.info("an event subscriber of account " + accountId + " stopped reading: closed");
      fallSilent();
    }
  }

  /** Ends the client's stream, from any thread. */
  void close() {
    endRequest.run();
  }

  private void write() {
    try {
      while (!ended && out.isReady()) {
        byte[] next = waiting.poll();
        if (next == null) {
          if (unflushed) {
            unflushed = false;
            out.flush();
            continue;
          }
          stalledSince = null;
          return;
        }
        waitingBytes -= next.length;
        out.write(next);
        unflushed = true;
        stalledSince = null;
      }
      if (!ended && stalledSince == null) {
        stalledSince = clock.instant();
      }
    } catch (IOException | IllegalStateException gone) {
      // The client left: its request is over.
      fallSilent();
    }
  }

  /** Nothing more is written to this client; its request ends. */
  private void fallSilent() {
    ended = true;
    waiting.clear();
    waitingBytes = 0;
    close();
  }
}
