package com.goodfit.sync.admin;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches the heap from every garbage collection: the heap is fullest just before a collection, and what survives
 * one is what the program really holds. Adding up each memory pool's own peak, as a pool's peak usage would, counts
 * eden at its fullest and the old generation at its fullest although they peak at different moments, and can report
 * more than {@code -Xmx}.
 */
final class HeapPeaks implements NotificationListener, AutoCloseable {

    private final AtomicLong peakUsed = new AtomicLong();

    private final AtomicLong peakLive = new AtomicLong();

    private final List<NotificationEmitter> emitters = new ArrayList<>();

    /** Starts watching; collect garbage first so that earlier work does not count. */
    static HeapPeaks start() {
        System.gc();
        HeapPeaks peaks = new HeapPeaks();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(peaks, null, null);
                peaks.emitters.add(emitter);
            }
        }
        peaks.record(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), 0);
        return peaks;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
            record(used(info.getGcInfo().getMemoryUsageBeforeGc()), used(info.getGcInfo().getMemoryUsageAfterGc()));
        }
    }

    /** @return the most heap in use at once, in MB (just before a collection, or now) */
    long peakUsedMb() {
        record(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), 0);
        return this.peakUsed.get() / (1024 * 1024);
    }

    /**
     * @return the most heap a collection left in use, in MB: an upper bound of what the program held at its fullest
     * (a young collection leaves the old generation's garbage in place)
     */
    long peakLiveMb() {
        return this.peakLive.get() / (1024 * 1024);
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : this.emitters) {
            try {
                emitter.removeNotificationListener(this);
            }
            catch (ListenerNotFoundException ex) {
                // Already gone: nothing left to stop.
            }
        }
    }

    private void record(long used, long live) {
        this.peakUsed.accumulateAndGet(used, Math::max);
        this.peakLive.accumulateAndGet(live, Math::max);
    }

    /** Heap pools only: the pools a collection reports include metaspace and the code cache. */
    private static long used(Map<String, MemoryUsage> pools) {
        return ManagementFactory.getMemoryPoolMXBeans()
            .stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(pool -> pools.get(pool.getName()))
            .filter(Objects::nonNull)
            .mapToLong(MemoryUsage::getUsed)
            .sum();
    }

}
