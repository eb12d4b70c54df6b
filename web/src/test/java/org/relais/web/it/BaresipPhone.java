package org.relais.web.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A phone played by baresip (Debian's baresip-core), a softphone of its own rather than a scenario:
 * an agent's or a supervisor's, registered as extension@account at Kamailio with its SIP password
 * and answering every call at once ({@link #registered}). It says a tone (a WAV its aufile module
 * reads as the microphone) and keeps what it hears in a WAV (its sndfile module); ALSA's null
 * device stands for the loudspeaker.
 */
final class BaresipPhone {

  private final Path folder;
  private final Process process;

  private BaresipPhone(SipPeers peers, String name, double voice, String account) {
    folder = peers.folder("baresip-" + name);
    try {
      Files.createDirectories(folder);
      writeVoice(folder.resolve("voice.wav"), voice);
      Files.writeString(
          folder.resolve("config"),
          String.join(
              "\n",
              "poll_method epoll",
              "sip_listen 127.0.0.1:" + SipPeers.freePort(),
              "audio_player alsa,null",
              "audio_alert alsa,null",
              "audio_source aufile," + folder.resolve("voice.wav").toAbsolutePath(),
              "ausrc_srate 8000",
              "auplay_srate 8000",
              "ausrc_channels 1",
              "auplay_channels 1",
              "module_path /usr/lib/baresip/modules",
              "module g711.so",
              "module aufile.so",
              "module alsa.so",
              "module sndfile.so",
              "module_app account.so",
              "module_app menu.so",
              "snd_path " + folder.toAbsolutePath(),
              ""));
      Files.writeString(folder.resolve("accounts"), account + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    process =
        peers.run(
            folder.getFileName().toString(),
            "baresip",
            "-f",
            folder.toAbsolutePath().toString(),
            "-n",
            "127.0.0.1");
  }

  /**
   * An agent's or a supervisor's phone, saying {@code voice} hertz: registered at Kamailio's {@code
   * registrarPort}, it answers every call at once.
   */
  static BaresipPhone registered(
      SipPeers peers,
      String account,
      String extension,
      String password,
      int registrarPort,
      double voice) {
    return new BaresipPhone(
        peers,
        account + "-" + extension,
        voice,
        "<sip:"
            + extension
            + "@"
            + account
            + ">;auth_pass="
            + password
            + ";outbound=\"sip:127.0.0.1:"
            + registrarPort
            + "\";regint=300;answermode=auto;audio_codecs=PCMU");
  }

  static boolean installed() {
    return SipPeers.executable("baresip");
  }

  boolean running() {
    return process.isAlive();
  }

  /**
   * What the phone heard on its call, once the call is over and baresip has closed the file (16-bit
   * samples at 8 kHz); empty before.
   */
  short[] heard() {
    try (Stream<Path> files = Files.list(folder)) {
      Optional<Path> dump = files.filter(f -> f.toString().endsWith("-dec.wav")).findFirst();
      if (dump.isEmpty()) {
        return new short[0];
      }
      try (AudioInputStream audio = AudioSystem.getAudioInputStream(dump.get().toFile())) {
        byte[] pcm = audio.readAllBytes();
        short[] samples = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
      } catch (UnsupportedAudioFileException e) {
        return new short[0]; // not closed yet: its header is still to be written
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Twenty seconds of the tone at half the loudest, 16-bit, as aufile reads it. */
  private static void writeVoice(Path file, double hertz) throws IOException {
    short[] samples = Tone.of(hertz, 16_000, 20);
    ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short sample : samples) {
      pcm.putShort(sample);
    }
    AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
    try (AudioInputStream audio =
        new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, samples.length)) {
      AudioSystem.write(audio, AudioFileFormat.Type.WAVE, file.toFile());
    }
  }
}
