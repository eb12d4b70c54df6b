package org.relais.web.push;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A client's frames wait for its connection alone, in order, up to a bound. */
class StreamSubscriberTest {

  /** A connection that takes bytes only while open, and says when it opens again. */
  private static final class Connection extends ServletOutputStream {
    final ByteArrayOutputStream flushed = new ByteArrayOutputStream();
    private final ByteArrayOutputStream buffered = new ByteArrayOutputStream();
    boolean ready = true;
    WriteListener listener;

    @Override
    public boolean isReady() {
      return ready;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      this.listener = listener;
    }

    @Override
    public void write(int b) {
      buffered.write(b);
    }

    @Override
    public void flush() {
      flushed.writeBytes(buffered.toByteArray());
      buffered.reset();
    }

    void drains() throws Exception {
      ready = true;
      listener.onWritePossible();
    }

    String received() {
      return flushed.toString(StandardCharsets.UTF_8);
    }
  }

  private final Connection connection = new Connection();
  private int requestsEnded;
  private Instant now = Instant.parse("2026-12-03T09:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now;
        }

        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }
      };
  private final StreamSubscriber subscriber =
      new StreamSubscriber(7, connection, () -> requestsEnded++, Runnable::run, clock);

  private static byte[] frame(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void framesGoOutAndAreFlushedAtOnceWhileTheConnectionTakesThem() {
    subscriber.start();
    subscriber.send(frame("a"));
    subscriber.send(frame("b"));

    assertThat(connection.received()).isEqualTo("ab");
    assertThat(connection.listener).isSameAs(subscriber);
  }

  @Test
  void framesWaitWhileTheConnectionIsFullThenGoOutInOrder() throws Exception {
    subscriber.start();
    connection.ready = false;
    subscriber.send(frame("a"));
    subscriber.send(frame("b"));
    assertThat(connection.received()).isEmpty();

    connection.drains();
    subscriber.send(frame("c"));

    assertThat(connection.received()).isEqualTo("abc");
    assertThat(requestsEnded).isZero();
  }

  @Test
  void aClientTooFarBehindIsClosedAndSentNothingMore() throws Exception {
    subscriber.start();
    connection.ready = false;
    byte[] megabyte = new byte[1 << 20];
    for (int i = 0; i < StreamSubscriber.MAX_WAITING_BYTES >> 20; i++) {
      subscriber.send(megabyte);
    }
    assertThat(requestsEnded).as("up to the bound, frames wait").isZero();

    subscriber.send(frame("one byte too many"));
    connection.drains();

    assertThat(requestsEnded).isEqualTo(1);
    assertThat(connection.received()).isEmpty();
  }

  @Test
  void aConnectionThatFailsEndsTheRequest() {
    subscriber.start();
    connection.listener.onError(new IOException("reset by peer"));

    assertThat(requestsEnded).isEqualTo(1);
  }

  @Test
  void aConnectionThatTakesNothingForTheWriteTimeoutIsClosed() {
    subscriber.start();
    connection.ready = false;
    subscriber.send(frame("a"));

    now = now.plusSeconds(59);
    subscriber.closeIfStalled(now, Duration.ofSeconds(60));
    assertThat(requestsEnded).isZero();
    now = now.plusSeconds(1);
    subscriber.closeIfStalled(now, Duration.ofSeconds(60));

    assertThat(requestsEnded).isEqualTo(1);
  }

  @Test
  void aConnectionThatKeepsTakingFramesIsNotStalledHoweverLongItLives() throws Exception {
    subscriber.start();
    for (int i = 0; i < 10; i++) {
      connection.ready = false;
      subscriber.send(frame("a"));
      now = now.plusSeconds(30);
      connection.drains();
      subscriber.closeIfStalled(now, Duration.ofSeconds(60));
    }

    assertThat(requestsEnded).isZero();
    assertThat(connection.received()).isEqualTo("a".repeat(10));
  }
}
