@provision=5.9-1
Feature: 5.9-1 Resilience is built in against outages of the data network and of power
  Resilience should be built in to IoT devices and services, taking into account the possibility of
  outages of data networks and power (EN 303 645 5.9-1): power lost at any moment, even while the
  device is writing its configuration, leaves it with a whole configuration after it boots, the one
  it had or the one being written, never an empty, half-written or reset one.

  @testcase=5.9-1-2
  Scenario: 5.9-1-2 Power cut at seeded moments of a configuration write: after boot the configured state is intact
    Given the DUT is running with its network up
    When the time a configuration write takes is measured through the local API
    And the power is cut at seeded moments spread over a configuration write, restoring it each time
    Then after every cut the DUT's configuration is whole, the old or the new
