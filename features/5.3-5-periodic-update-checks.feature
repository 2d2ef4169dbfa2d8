@provision=5.3-5
Feature: 5.3-5 The device checks for security updates after initialization and then periodically
  When the device is able to have its software updated, it checks after initialization, and then
  periodically, whether security updates are available (EN 303 645 5.3-5).

  @testcase=5.3-5-2
  Scenario: 5.3-5-2 After power-on the DUT checks the update server and checks it again periodically
    When the DUT is powered on with the update server listening
    Then the DUT checks the update server within the check interval the IXIT declares after it is ready
    And the DUT checks it again within the check interval after that
