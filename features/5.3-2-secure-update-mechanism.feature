@provision=5.3-2
Feature: 5.3-2 The device has an update mechanism for the secure installation of updates
  When the device is able to have its software updated, it has an update mechanism for the secure
  installation of updates (EN 303 645 5.3-2): a valid newer image installs, an older one does not.

  @testcase=5.3-2-2 @installs-update
  Scenario: 5.3-2-2 A valid newer image installs and an older validly signed one does not
    Given the DUT is running with its network up
    When the update server offers a valid newer image
    And the DUT is restarted
    Then the DUT runs the newer version
    When the update server offers an older validly signed image
    And the DUT is restarted
    Then the DUT still runs the version it ran before

  @testcase=5.3-2-2b
  Scenario: 5.3-2-2b A valid newer image that fails its own health check is rolled back automatically
    Given the DUT is running with its network up
    When the update server offers a valid newer image that fails its own health check
    And the DUT is restarted and its boots are counted on the console
    Then the DUT runs the version it ran before again within the boots the IXIT declares

  @testcase=5.3-2-2c @installs-update
  Scenario: 5.3-2-2c Power cut at moments spread over an update: the DUT always boots a whole image
    Given the DUT is running with its network up
    When the time an update takes is measured with a valid newer image
    And the power is cut at seeded moments spread over an update, restoring it each time
    Then after every cut the DUT booted a whole image, the old or the new
