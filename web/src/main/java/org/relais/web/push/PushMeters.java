package org.relais.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.relais.operations.Meters;
import org.relais.operations.Meters.Unit;

/**
 * The push's figures on {@code /metrics}, per channel ({@code desk}: the banners' websocket, {@code
 * stream}: the event stream's subscribers, {@code wallboard}: the wallboards' websockets): {@code
 * relais_events_pushed_total}, messages written to clients, and {@code relais_sockets_open}.
 */
@ApplicationScoped
public class PushMeters {

  @Inject Meters meters;

  /** Counts the channel's messages, so many a call. */
  LongConsumer pushed(String channel) {
    return meters.counter(
        "relais_events_pushed",
        "Messages pushed to clients: banner notices, stream events",
        Map.of("channel", channel));
  }

  /** The channel's open connections, as {@code open} counts them when scraped. */
  void open(String channel, Supplier<Integer> open) {
    meters.gauge(
        "relais_sockets_open",
        "Connections open: banners' websockets, event stream subscriptions",
        Unit.NONE,
        open,
        Map.of("channel", channel));
  }
}
