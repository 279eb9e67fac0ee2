package io.tickwatch.alerting.notify.log;

import io.tickwatch.alerting.notify.Notifier;
import io.tickwatch.alerting.notify.NotifierContractTest;
import java.util.List;

class LogNotifierTest extends NotifierContractTest {
  @Override
  protected Notifier notifier() {
    return new LogNotifier(RECEIVER);
  }

  @Override
  protected List<String> secrets() {
    return List.of();
  }
}
