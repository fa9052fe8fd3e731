import java.io.*;
import java.nio.*;
import java.nio.channels.FileChannel;
import java.util.*;

/**
 * Who holds the maps in a heap dump: reads an hprof file (jcmd PID GC.heap_dump, or bench/soak.sh DUMPS=1) and
 * sums the entries of every HashMap, LinkedHashMap and ConcurrentHashMap by the chain of objects that refer to
 * it (first referrer at each step, DEPTH steps; a static field ends the chain). Comparing two dumps of one run
 * shows which owner grew — how the soak's growth was traced to the class loaders' resource caches.
 *
 *   java bench/HeapMaps.java warm.hprof [DEPTH=6] [ROWS=40] > warm.txt
 *   java bench/HeapMaps.java end.hprof 6 100000 > end.txt      # then compare the two lists' counts by owner
 *
 * Needs a heap of a few times the dump's size (java -Xmx2g bench/HeapMaps.java …); dumps up to 2 GB.
 */
public class HeapMaps {
    static int idSize;
    static Map<Long, String> strings = new HashMap<>();
    static Map<Long, String> classNames = new HashMap<>();
    static Map<Long, long[]> classInfo = new HashMap<>(); // super
    static Map<Long, long[]> fieldNames = new HashMap<>(); // name string ids
    static Map<Long, byte[]> fieldTypes = new HashMap<>();
    static Map<Long, List<long[]>> staticRefs = new HashMap<>(); // class -> [nameId, ref]
    // objects
    static long[] objId = new long[1 << 20]; static long[] objClass = new long[1 << 20];
    static int[] objOff = new int[1 << 20]; static int[] objLen = new int[1 << 20]; static byte[] objKind = new byte[1 << 20];
    static int n;
    static HashMap<Long, Integer> index = new HashMap<>();
    static ByteBuffer buf;

    public static void main(String[] a) throws Exception {
        FileChannel ch = new RandomAccessFile(a[0], "r").getChannel();
        if (ch.size() > Integer.MAX_VALUE) throw new IllegalStateException("too big");
        buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        while (buf.get() != 0) { }
        idSize = buf.getInt(); buf.getLong();
        while (buf.hasRemaining()) {
            int tag = buf.get() & 0xff; buf.getInt(); int len = buf.getInt(); int start = buf.position();
            if (tag == 0x01) { long id = id(); byte[] b = new byte[len - idSize]; buf.get(b); strings.put(id, new String(b, "UTF-8")); }
            else if (tag == 0x02) { buf.getInt(); long cid = id(); buf.getInt(); long nid = id(); classNames.put(cid, strings.get(nid).replace('/', '.')); }
            else if (tag == 0x0C || tag == 0x1C) heap(start + len);
            buf.position(start + len);
        }
        System.err.println("objects " + n);
        for (int i = 0; i < n; i++) index.put(objId[i], i);
        // reverse edges
        int[] refCount = new int[n + 1];
        List<int[]> edges = new ArrayList<>();
        int[] from = new int[n * 4]; int[] to = new int[n * 4]; int m = 0;
        for (int i = 0; i < n; i++) {
            for (long r : refs(i)) { Integer j = index.get(r); if (j == null) continue;
                if (m == from.length) { from = Arrays.copyOf(from, m * 2); to = Arrays.copyOf(to, m * 2); }
                from[m] = i; to[m] = j; m++; }
        }
        // statics: class objects are not instances; record as pseudo-referrer strings
        Map<Integer, String> staticHolder = new HashMap<>();
        for (var e : staticRefs.entrySet()) for (long[] f : e.getValue()) { Integer j = index.get(f[1]); if (j != null) staticHolder.putIfAbsent(j, "static " + classNames.get(e.getKey()) + "." + strings.get(f[0])); }
        int[] start = new int[n + 1];
        for (int k = 0; k < m; k++) start[to[k] + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        int[] rev = new int[m]; int[] fill = Arrays.copyOf(start, n);
        for (int k = 0; k < m; k++) rev[fill[to[k]]++] = from[k];
        Map<String, long[]> byPath = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (objKind[i] != 0) continue;
            String cn = classNames.get(objClass[i]);
            if (!"java.util.concurrent.ConcurrentHashMap".equals(cn) && !"java.util.HashMap".equals(cn) && !"java.util.LinkedHashMap".equals(cn)) continue;
            int size = mapSize(i);
            if (size < 1) continue;
            StringBuilder path = new StringBuilder(cn.substring(cn.lastIndexOf('.') + 1));
            int cur = i; Set<Integer> seen = new HashSet<>();
            for (int d = 0; d < Integer.parseInt(a.length > 1 ? a[1] : "6"); d++) {
                seen.add(cur);
                int best = -1;
                for (int k = start[cur]; k < start[cur + 1]; k++) { int r = rev[k]; if (seen.contains(r)) continue; best = r; if (objKind[r] == 0) break; }
                if (best < 0) { String s = staticHolder.get(cur); if (s != null) path.append(" <- ").append(s); break; }
                path.append(" <- ").append(describe(best, objId[cur]));
                cur = best;
            }
            long[] v = byPath.computeIfAbsent(path.toString(), k -> new long[2]); v[0]++; v[1] += size;
        }
        byPath.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(Integer.parseInt(a.length > 2 ? a[2] : "40"))
                .forEach(e -> System.out.printf("%8d entries %6d maps  %s%n", e.getValue()[1], e.getValue()[0], e.getKey()));
    }

    static String describe(int holder, long child) {
        String cn = classNames.get(objClass[holder]);
        if (objKind[holder] == 1) return "[] of " + cn;
        String f = fieldPointing(holder, child);
        return cn + "." + f;
    }

    static long id() { return idSize == 8 ? buf.getLong() : buf.getInt() & 0xffffffffL; }
    static int size(int t) { switch (t) { case 2: return idSize; case 4: case 8: return 1; case 5: case 9: return 2; case 6: case 10: return 4; case 7: case 11: return 8; } throw new IllegalStateException("type " + t); }

    static void add(long id, long cls, int off, int len, byte kind) {
        if (n == objId.length) { int c = n * 2; objId = Arrays.copyOf(objId, c); objClass = Arrays.copyOf(objClass, c); objOff = Arrays.copyOf(objOff, c); objLen = Arrays.copyOf(objLen, c); objKind = Arrays.copyOf(objKind, c); }
        objId[n] = id; objClass[n] = cls; objOff[n] = off; objLen[n] = len; objKind[n] = kind; n++;
    }

    static void heap(int end) {
        while (buf.position() < end) {
            int t = buf.get() & 0xff;
            switch (t) {
                case 0xFF: id(); break;
                case 0x01: id(); id(); break;
                case 0x02: case 0x03: id(); buf.getInt(); buf.getInt(); break;
                case 0x04: case 0x06: id(); buf.getInt(); break;
                case 0x05: case 0x07: id(); break;
                case 0x08: id(); buf.getInt(); buf.getInt(); break;
                case 0x20: {
                    long cid = id(); buf.getInt(); long sup = id(); id(); id(); id(); id(); id(); buf.getInt();
                    classInfo.put(cid, new long[]{sup});
                    int cp = buf.getShort() & 0xffff; for (int i = 0; i < cp; i++) { buf.getShort(); int ty = buf.get(); buf.position(buf.position() + size(ty)); }
                    int st = buf.getShort() & 0xffff; List<long[]> sr = new ArrayList<>();
                    for (int i = 0; i < st; i++) { long nm = id(); int ty = buf.get(); if (ty == 2) sr.add(new long[]{nm, id()}); else buf.position(buf.position() + size(ty)); }
                    staticRefs.put(cid, sr);
                    int fc = buf.getShort() & 0xffff; long[] names = new long[fc]; byte[] types = new byte[fc];
                    for (int i = 0; i < fc; i++) { names[i] = id(); types[i] = buf.get(); }
                    fieldNames.put(cid, names); fieldTypes.put(cid, types);
                    break; }
                case 0x21: { long oid = id(); buf.getInt(); long cid = id(); int len = buf.getInt(); add(oid, cid, buf.position(), len, (byte) 0); buf.position(buf.position() + len); break; }
                case 0x22: { long oid = id(); buf.getInt(); int num = buf.getInt(); long cid = id(); add(oid, cid, buf.position(), num, (byte) 1); buf.position(buf.position() + num * idSize); break; }
                case 0x23: { id(); buf.getInt(); int num = buf.getInt(); int ty = buf.get(); buf.position(buf.position() + num * size(ty)); break; }
                default: throw new IllegalStateException("subtag " + t + " at " + buf.position());
            }
        }
    }

    static long readId(int pos) { return idSize == 8 ? buf.getLong(pos) : buf.getInt(pos) & 0xffffffffL; }

    static List<Long> refs(int i) {
        List<Long> out = new ArrayList<>();
        if (objKind[i] == 1) { for (int k = 0; k < objLen[i]; k++) { long r = readId(objOff[i] + k * idSize); if (r != 0) out.add(r); } return out; }
        int pos = objOff[i]; long c = objClass[i];
        while (c != 0 && fieldTypes.containsKey(c)) {
            byte[] ty = fieldTypes.get(c);
            for (byte t : ty) { if (t == 2) { long r = readId(pos); if (r != 0) out.add(r); } pos += size(t); }
            c = classInfo.get(c)[0];
        }
        return out;
    }

    static long field(int i, String name) {
        int pos = objOff[i]; long c = objClass[i];
        while (c != 0 && fieldTypes.containsKey(c)) {
            byte[] ty = fieldTypes.get(c); long[] nm = fieldNames.get(c);
            for (int k = 0; k < ty.length; k++) {
                if (name.equals(strings.get(nm[k]))) return ty[k] == 2 ? readId(pos) : ty[k] == 10 ? buf.getInt(pos) : ty[k] == 11 ? buf.getLong(pos) : 0;
                pos += size(ty[k]);
            }
            c = classInfo.get(c)[0];
        }
        return -1;
    }

    static String fieldPointing(int i, long child) {
        int pos = objOff[i]; long c = objClass[i];
        while (c != 0 && fieldTypes.containsKey(c)) {
            byte[] ty = fieldTypes.get(c); long[] nm = fieldNames.get(c);
            for (int k = 0; k < ty.length; k++) { if (ty[k] == 2 && readId(pos) == child) return strings.get(nm[k]); pos += size(ty[k]); }
            c = classInfo.get(c)[0];
        }
        return "?";
    }

    static int mapSize(int i) {
        String cn = classNames.get(objClass[i]);
        if (cn.endsWith("HashMap") && !cn.contains("Concurrent")) return (int) field(i, "size");
        long table = field(i, "table"); if (table <= 0) return 0;
        Integer t = index.get(table); if (t == null) return 0;
        int count = 0;
        for (int k = 0; k < objLen[t]; k++) {
            long node = readId(objOff[t] + k * idSize);
            int guard = 0;
            while (node != 0 && guard++ < 10000) { Integer ni = index.get(node); if (ni == null) break; count++; long nx = field(ni, "next"); node = nx < 0 ? 0 : nx; }
        }
        return count;
    }
}
