import Testing
import Autodiff
import Tensor
import NN

@Test func fitRecordsAccuracyAndShowsValidationColumnsAndAnETA() throws {
    // Four points, two classes split by the sign of the first feature.
    let x = try Tensor(shape: [4, 2], values: [1, 0, 2, 1, -1, 0, -2, 1]), y = Tensor([0, 0, 1, 1])
    let layer = try Dense(2, 2, using: RandomGenerator(seed: 3))
    var options = FitOptions()
    options.epochs = 3
    options.batchSize = 2
    options.shuffle = false
    options.accuracy = true
    options.validation = (x, y)
    var reports: [FitProgress] = []
    let history = try fit(layer, x, y, loss: { try Losses.crossEntropy($0, $1.value) }, optimiser: SGD(lr: 0.5),
                          options: options, progress: { reports.append($0) })
    #expect(history.trainAccuracy.count == 3 && history.validationAccuracy.count == 3)
    // The last validation accuracy is the trained layer's, scored independently.
    #expect(history.validationAccuracy.last == (try Datasets.accuracy(layer(x), y)))
    // Columns appear once there is a validation result (from the second epoch's batches).
    #expect(!reports[0].message.contains("val_loss"))
    #expect(reports[2].message.contains("  acc ") && reports[2].message.contains("val_loss") && reports[2].message.contains("val_acc"))
    // Six batches in all: the ETA after the last is zero.
    #expect(reports.count == 6 && reports[5].eta == 0 && reports[5].message.hasSuffix("ETA 0s"))
    #expect(reports.allSatisfy { $0.eta >= 0 })
}
