package org.relais.telephony.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The audio the simulated switch records (SPEC B13): no call's voice exists, so the file is a soft
 * 440 Hz tone of the call's length, a real WAV (PCM, 8 kHz, 16 bits, mono, as telephony records)
 * that a browser plays and seeks. Its metadata says it is simulated.
 */
final class SimulatedRecording {

  static final String COMMENT =
      "Simulated recording: a tone made by the simulated switch, no call audio";

  private static final int RATE = 8000;
  private static final int BYTES_PER_SAMPLE = 2;

  private SimulatedRecording() {}

  /** Writes the recording of {@code length} (at least one second) into {@code file}. */
  static void write(Path file, Duration length) {
    long seconds = Math.max(1, length.toSeconds());
    int samples = Math.toIntExact(seconds * RATE);
    byte[] info = infoChunk();
    int data = samples * BYTES_PER_SAMPLE;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt(36 + info.length + data).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1);
        header.putInt(RATE).putInt(RATE * BYTES_PER_SAMPLE);
        header.putShort((short) BYTES_PER_SAMPLE).putShort((short) 16);
        out.write(header.array(), 0, 36);
        out.write(info);
        ByteBuffer dataHeader = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        out.write(dataHeader.put(ascii("data")).putInt(data).array());
        writeTone(out, samples);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the recording " + file, e);
    }
  }

  /** A LIST/INFO chunk whose comment (ICMT) says what the file is. */
  private static byte[] infoChunk() {
    byte[] comment = (COMMENT + "\0").getBytes(StandardCharsets.US_ASCII);
    int padded = comment.length + (comment.length % 2);
    ByteBuffer chunk = ByteBuffer.allocate(8 + 4 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    chunk.put(ascii("LIST")).putInt(4 + 8 + padded).put(ascii("INFO"));
    chunk.put(ascii("ICMT")).putInt(comment.length).put(comment);
    return chunk.array();
  }

  private static void writeTone(OutputStream out, int samples) throws IOException {
    byte[] second = new byte[RATE * BYTES_PER_SAMPLE];
    ByteBuffer buffer = ByteBuffer.wrap(second).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < RATE; i++) {
      buffer.putShort((short) (2000 * Math.sin(2 * Math.PI * 440 * i / RATE)));
    }
    for (int written = 0; written < samples; written += RATE) {
      out.write(second, 0, Math.min(RATE, samples - written) * BYTES_PER_SAMPLE);
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
