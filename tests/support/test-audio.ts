/**
 * A short audio file made by the test itself (no fixture binary, no network): `seconds` of a quiet
 * tone as 8-bit mono PCM WAV, which every browser plays in <audio>.
 */
export function toneWav(seconds: number, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const wav = Buffer.alloc(44 + samples);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16); // size of the format chunk
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate, 28); // bytes per second
  wav.writeUInt16LE(1, 32); // bytes per sample frame
  wav.writeUInt16LE(8, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples, 40);
  for (let index = 0; index < samples; index += 1) wav.writeUInt8(128 + Math.round(20 * Math.sin((2 * Math.PI * 440 * index) / sampleRate)), 44 + index);
  return wav;
}
