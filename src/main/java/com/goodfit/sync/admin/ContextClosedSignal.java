package com.goodfit.sync.admin;

import java.util.concurrent.CountDownLatch;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Lets a long-running command wait until the application shuts down (SIGTERM closes the context). A bean of its own,
 * because command objects are built afresh for each command line and are not event listeners.
 */
@Component
class ContextClosedSignal implements ApplicationListener<ContextClosedEvent> {

    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        this.closed.countDown();
    }

    void await() throws InterruptedException {
        this.closed.await();
    }

}
