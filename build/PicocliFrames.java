import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step: copies picocli's classes into the build output as Java 8 class files with stack map
 * frames, so that the launcher's class-data archive (AppCDS) can hold them.
 *
 * <p>picocli ships Java 5 class files (version 49). The JVM never archives those, and a class of
 * version 50 without frames is verified by the old verifier, which the archive excludes as well; so
 * every run loaded, parsed and verified some 170 picocli classes from the jar again, about 50 ms of
 * CPU of a 0.47 s {@code score}. The code of each method stays exactly as picocli wrote it: only
 * the version number and the frames (computed by ASM, which the split verifier then checks) change.
 *
 * <p>Run by Maven ({@code pom.xml}, phase process-classes) as {@code java -cp ASM:PICOCLI
 * PicocliFrames.java PICOCLI_JAR OUTPUT_DIR}; the shaded jar takes picocli from OUTPUT_DIR.
 */
public final class PicocliFrames {

  private PicocliFrames() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: PicocliFrames PICOCLI_JAR OUTPUT_DIR");
    }
    Path output = Path.of(args[1]);
    int count = 0;
    try (ZipFile jar = new ZipFile(args[0])) {
      for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        // the jar's module-info (META-INF/versions/9) is left out, as the shaded jar always did
        if (entry.isDirectory()
            || !entry.getName().startsWith("picocli/")
            || !entry.getName().endsWith(".class")) {
          continue;
        }
        byte[] original;
        try (InputStream in = jar.getInputStream(entry)) {
          original = in.readAllBytes();
        }
        Path target = output.resolve(entry.getName());
        Files.createDirectories(target.getParent());
        Files.write(target, withFrames(original));
        count++;
      }
    }
    if (count == 0) {
      throw new IllegalStateException("no picocli classes in " + args[0]);
    }
  }

  static byte[] withFrames(byte[] original) {
    ClassReader reader = new ClassReader(original);
    // frames need the common super class of two types: picocli's own classes are on the class path
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            super.visit(
                Math.max(version, Opcodes.V1_8), access, name, signature, superName, interfaces);
          }
        },
        ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }
}
