@provision=5.3-2
Feature: 5.3-2 The device has an update mechanism for the secure installation of updates
  When the device is able to have its software updated, it has an update mechanism for the secure
  installation of updates (EN 303 645 5.3-2): a valid newer image installs, an older one does not.

  @testcase=5.3-2-2
  Scenario: 5.3-2-2 A valid newer image installs and an older validly signed one does not
    Given the DUT is running with its network up
    When the update server offers a valid newer image
    And the DUT is restarted
    Then the DUT runs the newer version
    When the update server offers an older validly signed image
    And the DUT is restarted
    Then the DUT still runs the version it ran before
