package org.relais.web.it;

/** How loud a tone is in 8 kHz audio: what the tests' phones and ears say and hear. */
final class Tone {

  private Tone() {}

  /**
   * The amplitude (on 16 bits) of the tone of {@code hertz} in {@code samples}, as one bin of a
   * Fourier transform of them reads it (Goertzel's algorithm); 0 for no samples.
   */
  static double level(short[] samples, double hertz) {
    if (samples.length == 0) {
      return 0;
    }
    double coefficient = 2 * Math.cos(2 * Math.PI * hertz / 8000);
    double previous = 0;
    double beforePrevious = 0;
    for (short sample : samples) {
      double next = sample + coefficient * previous - beforePrevious;
      beforePrevious = previous;
      previous = next;
    }
    double power =
        previous * previous
            + beforePrevious * beforePrevious
            - coefficient * previous * beforePrevious;
    return 2 * Math.sqrt(Math.max(power, 0)) / samples.length;
  }

  /** {@code seconds} of the tone of {@code hertz} at {@code amplitude}, 8 kHz 16-bit samples. */
  static short[] of(double hertz, int amplitude, int seconds) {
    short[] samples = new short[8000 * seconds];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hertz * i / 8000));
    }
    return samples;
  }
}
