@provision=5.7-2
Feature: 5.7-2 An unauthorized change to the software is reported
  If an unauthorized change is detected to the software, the device alerts the user and/or an
  administrator to an issue, and connects to no wider network than alerting needs
  (EN 303 645 5.7-2), as the IXIT describes.

  @testcase=5.7-2-2
  Scenario: 5.7-2-2 A program altered in storage raises the alert the IXIT describes, and the cloud hears nothing else
    Given the DUT is running with its network up
    When one byte of the installed program the IXIT names is altered in the DUT's storage while it is off
    And the DUT is switched on
    Then the DUT raises the alert the IXIT describes
    And the DUT contacts its cloud service only to send that alert
