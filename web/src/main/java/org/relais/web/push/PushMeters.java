package org.relais.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The push's figures on {@code /metrics}, per channel ({@code desk}: the banners' websocket, {@code
 * stream}: the event stream's subscribers, {@code wallboard}: the wallboards' websockets): {@code
 * relais_events_pushed_total}, messages written to clients, and {@code relais_sockets_open}.
 *
 * <p>A server without MicroProfile Metrics (WildFly) has no bean of this class: its users take it
 * as an {@code Instance} and count nothing then.
 */
@ApplicationScoped
public class PushMeters {

  private static final Metadata PUSHED =
      Metadata.builder()
          .withName("relais_events_pushed")
          .withDescription("Messages pushed to clients: banner notices, stream events")
          .build();

  private static final Metadata OPEN =
      Metadata.builder()
          .withName("relais_sockets_open")
          .withDescription("Connections open: banners' websockets, event stream subscriptions")
          .build();

  @Inject MetricRegistry registry;

  /** Counts the channel's messages, so many a call. */
  LongConsumer pushed(String channel) {
    return registry.counter(PUSHED, new Tag("channel", channel))::inc;
  }

  /** The channel's open connections, as {@code open} counts them when scraped. */
  void open(String channel, Supplier<Integer> open) {
    registry.gauge(OPEN, open, new Tag("channel", channel));
  }
}
