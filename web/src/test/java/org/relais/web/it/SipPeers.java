package org.relais.web.it;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The SIP switch's real peers on loopback, as processes a test starts and {@link #close()}s:
 * Kamailio with the repository's configuration, rtpengine, and SIPp playing the trunk and the
 * agents' phones with the scenarios of {@code src/test/resources/sipp}. Their output goes to {@code
 * logs}, where SIPp runs and finds the audio its scenarios send.
 */
final class SipPeers implements AutoCloseable {

  private static final Path KAMAILIO_CONFIG =
      Path.of("..", "payara-config", "telephony", "kamailio.cfg");

  private final Path logs;
  private final List<Process> processes = new ArrayList<>();
  private int started;

  SipPeers(Path logs) {
    this.logs = logs;
    try {
      Files.createDirectories(logs);
      for (String sound : List.of("tone.wav", "whisper.wav")) {
        try (InputStream in = SipPeers.class.getResourceAsStream("/sipp/" + sound)) {
          Files.copy(in, logs.resolve(sound), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether Kamailio and SIPp are installed (Debian's kamailio and sip-tester). */
  static boolean installed() {
    return executable("kamailio") && executable("sipp");
  }

  /** Whether rtpengine is installed (Debian's rtpengine-daemon). */
  static boolean rtpengineInstalled() {
    return executable("rtpengine");
  }

  static boolean executable(String name) {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
    return Stream.of(path.split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
  }

  /** A UDP port free on loopback now. */
  static int freePort() {
    try (DatagramSocket socket = new DatagramSocket(0)) {
      return socket.getLocalPort();
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first of four UDP ports free in a row: SIPp binds its media port and ports next to it (its
   * video's two further on), and one already bound makes it exit at once (254), as seen when a
   * browser ran beside it.
   */
  static int freeMediaPorts() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first = freePort();
      if (first < 65532 && freeNow(first + 1) && freeNow(first + 2) && freeNow(first + 3)) {
        return first;
      }
    }
    throw new IllegalStateException("no four free UDP ports in a row");
  }

  private static boolean freeNow(int port) {
    try (DatagramSocket socket = new DatagramSocket(port)) {
      return true;
    } catch (SocketException e) {
      return false;
    }
  }

  /**
   * Kamailio in the foreground on 127.0.0.1:{@code port}, its JSON-RPC on {@code rpcPort}, telling
   * Relais at 127.0.0.1:{@code relaisPort} of registrations, small and with its files in logs.
   */
  Process kamailio(int port, int rpcPort, int relaisPort) {
    return start(
        "kamailio",
        List.of(
            "kamailio",
            "-f",
            KAMAILIO_CONFIG.toAbsolutePath().toString(),
            // In the foreground, its workers forked all the same (-D alone forks none: no TCP).
            "-DD",
            "-E",
            "-l",
            "udp:127.0.0.1:" + port,
            "-l",
            "tcp:127.0.0.1:" + port,
            "-A",
            "RPC_SOCKET=\"udp:127.0.0.1:" + rpcPort + "\"",
            "-A",
            "RELAIS=\"127.0.0.1:" + relaisPort + "\"",
            "-P",
            logs.resolve("kamailio.pid").toAbsolutePath().toString(),
            "-Y",
            logs.toAbsolutePath().toString(),
            "-m",
            "32",
            "-M",
            "4"));
  }

  /**
   * rtpengine in the foreground, in userspace (no kernel module), its NG control socket on
   * 127.0.0.1:{@code ngPort}, its media on 127.0.0.1 between {@code portMin} and {@code portMax},
   * the keys callers press told to 127.0.0.1:{@code dtmfPort}; returned once it answers.
   */
  Process rtpengine(int ngPort, int portMin, int portMax, int dtmfPort) {
    Process rtpengine =
        start(
            "rtpengine",
            List.of(
                "rtpengine",
                // None of the system's configuration: Debian's opens an HTTP listener on 2225,
                // which another rtpengine on the machine may hold, and this one would exit.
                "--config-file=none",
                "--foreground",
                "--log-stderr",
                "--table=-1",
                "--interface=127.0.0.1",
                "--listen-ng=127.0.0.1:" + ngPort,
                "--port-min=" + portMin,
                "--port-max=" + portMax,
                // Its command line socket too, which would take 2224, perhaps another's already.
                "--listen-cli=127.0.0.1:" + freePort(),
                "--dtmf-log-dest=127.0.0.1:" + dtmfPort,
                "--recording-method=pcap",
                "--recording-dir=" + recordings().toAbsolutePath(),
                "--log-level=6",
                "--pidfile=" + logs.resolve("rtpengine.pid").toAbsolutePath()));
    Await.until(Duration.ofSeconds(10), () -> answers(ngPort), answers -> answers);
    return rtpengine;
  }

  /** rtpengine's recording folder. */
  Path recordings() {
    return logs.resolve("rtpengine-recordings");
  }

  private static boolean answers(int ngPort) {
    try {
      relayedPackets(ngPort);
      return true;
    } catch (UncheckedIOException notYet) {
      return false;
    }
  }

  /**
   * The packets rtpengine has relayed in the calls it has ended, from its NG {@code statistics}.
   */
  static long relayedPackets(int ngPort) {
    // A cookie of its own: rtpengine answers a cookie it has seen from its cache.
    byte[] request =
        ("stats_" + System.nanoTime() + " {\"command\":\"statistics\"}")
            .getBytes(StandardCharsets.UTF_8);
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(2000);
      socket.send(
          new DatagramPacket(request, request.length, new InetSocketAddress("127.0.0.1", ngPort)));
      DatagramPacket reply = new DatagramPacket(new byte[65_507], 65_507);
      socket.receive(reply);
      String text = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
      try (JsonReader json =
          Json.createReader(new StringReader(text.substring(text.indexOf(' '))))) {
        return json.readObject()
            .getJsonObject("statistics")
            .getJsonObject("totalstatistics")
            .getJsonNumber("relayedpackets")
            .longValue();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines a SIPp scenario logged ({@code <log>}, with {@code -trace_logs}). */
  List<String> logged(String scenario, Process sipp) throws IOException {
    return Files.readAllLines(logs.resolve(scenario + "_" + sipp.pid() + "_logs.log"));
  }

  /**
   * SIPp playing one call of {@code scenario} from 127.0.0.1:{@code port}, towards {@code remote}
   * when it starts the call, giving up after 30 s.
   */
  Process sipp(String scenario, int port, String remote, String... options) {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "sipp",
            "-sf",
            scenarioFile(scenario),
            "-i",
            "127.0.0.1",
            "-p",
            Integer.toString(port),
            "-mp",
            Integer.toString(freeMediaPorts()),
            "-m",
            "1",
            "-nostdin",
            "-timeout",
            "30s",
            "-timeout_error"));
    command.addAll(List.of(options));
    if (remote != null) {
      command.add(remote);
    }
    return start(scenario, command);
  }

  /** Stops a process, and waits until the UDP port it listened on is free again. */
  static void stop(Process process, int port) throws InterruptedException {
    process.destroy();
    exitOf(process, Duration.ofSeconds(10));
    Await.until(Duration.ofSeconds(10), () -> isFree(port), free -> free);
  }

  private static boolean isFree(int port) {
    try (DatagramSocket socket = new DatagramSocket(port)) {
      return true;
    } catch (SocketException taken) {
      return false;
    }
  }

  /** The process's exit code, or an error if it runs longer than {@code timeout}. */
  static int exitOf(Process process, Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + ": " + process.info());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A folder of its own for a peer, among the logs. */
  Path folder(String name) {
    return logs.resolve(name);
  }

  /** Runs {@code command} as a peer named {@code name}, stopped with the others. */
  Process run(String name, String... command) {
    return start(name, List.of(command));
  }

  private Process start(String name, List<String> command) {
    File log = logs.resolve((++started) + "-" + name + ".log").toFile();
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(logs.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log)
              .start();
      processes.add(process);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String scenarioFile(String scenario) {
    try {
      return Path.of(SipPeers.class.getResource("/sipp/" + scenario + ".xml").toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
