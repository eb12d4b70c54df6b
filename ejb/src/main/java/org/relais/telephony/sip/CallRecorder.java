package org.relais.telephony.sip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Recording on the SIP switch (SPEC B13): rtpengine records the call's audio (its {@code start
 * recording} and {@code stop recording}), each time into a capture file of its recording folder
 * ({@code pcaps/<call>-<random>.pcap}, and a {@code metadata/rtpengine-meta-<same>.txt} beside);
 * once stopped, the newest of the call's captures is made into the recording's WAV ({@link
 * PcapRecording}), off the caller's thread, and deleted with its metadata.
 */
final class CallRecorder {

  private static final Logger LOG = Logger.getLogger(CallRecorder.class.getName());

  private final MediaAnchor media;
  private final Path folder;
  private final Executor background;

  /**
   * @param folder rtpengine's recording folder ({@code --recording-dir}) as Relais reads it
   */
  CallRecorder(MediaAnchor media, Path folder, Executor background) {
    this.media = media;
    this.folder = folder;
    this.background = background;
  }

  void start(String session) {
    media.record(session, true);
  }

  /** Stops recording the call, and writes what was recorded since the start to {@code wav}. */
  void stop(String session, Path wav) {
    media.record(session, false);
    background.execute(() -> convert(session, wav));
  }

  private void convert(String session, Path wav) {
    Path pcaps = folder.resolve("pcaps");
    Optional<Path> capture;
    try (Stream<Path> files = Files.list(pcaps)) {
      capture =
          files
              .filter(file -> file.getFileName().toString().startsWith(session + "-"))
              .filter(file -> file.getFileName().toString().endsWith(".pcap"))
              .max(Comparator.comparing(file -> file.toFile().lastModified()));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "rtpengine's captures cannot be read in " + pcaps, e);
      return;
    }
    if (capture.isEmpty()) {
      LOG.warning("no capture of call " + session + " in " + pcaps + ": " + wav + " not written");
      return;
    }
    try {
      PcapRecording.toWav(capture.get(), wav);
      String name = capture.get().getFileName().toString();
      Files.delete(capture.get());
      Files.deleteIfExists(
          folder
              .resolve("metadata")
              .resolve("rtpengine-meta-" + name.substring(0, name.length() - 5) + ".txt"));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "call " + session + ": " + capture.get() + " not made into " + wav, e);
    }
  }
}
